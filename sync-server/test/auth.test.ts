import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginResponseSchema } from '@spotter/shared';
import { startTestServer, type TestServer } from './helper.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const login = (email: string, password: string) => s.api(null, 'POST', '/api/auth/login', { email, password });

describe('login', () => {
  it('answers tokens and the user', async () => {
    const res = await login('coach@demo.test', 'spotter-demo');
    expect(res.status).toBe(200);
    const body = loginResponseSchema.parse(res.body);
    expect(body.user).toMatchObject({ role: 'coach', email: 'coach@demo.test', firstName: 'Casey' });
    const me = await s.api(body.accessToken, 'GET', '/api/me');
    expect(me).toMatchObject({ status: 200, body: { id: body.user.id, role: 'coach' } });
  });

  it('answers a wrong email and a wrong password identically', async () => {
    const wrongEmail = await login('nobody@demo.test', 'spotter-demo');
    const wrongPassword = await login('client3@demo.test', 'not-the-password');
    expect(wrongEmail.status).toBe(401);
    expect(wrongEmail.body).toEqual({ error: 'unauthorized', message: 'Wrong email or password.' });
    expect(wrongPassword.status).toBe(wrongEmail.status);
    expect(wrongPassword.body).toEqual(wrongEmail.body);
  });

  it('rate limits repeated failures per account (429), even with the right password, without locking others out', async () => {
    for (let i = 0; i < 10; i++) expect((await login('client2@demo.test', `guess-${i}`)).status).toBe(401);
    const blocked = await login('client2@demo.test', 'spotter-demo');
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Too many failed sign-ins\. Try again in \d+ minutes?\./);
    expect((await login('admin@demo.test', 'spotter-demo')).status).toBe(200);
  });

  it('rate limits repeated failures per IP across accounts', async () => {
    const strict = await startTestServer({ maxLoginFailuresPerIp: 3 });
    try {
      for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) expect((await strict.api(null, 'POST', '/api/auth/login', { email, password: 'x' })).status).toBe(401);
      const res = await strict.api(null, 'POST', '/api/auth/login', { email: 'coach@demo.test', password: 'spotter-demo' });
      expect(res.status).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('keeps counting failures across a restart and across instances sharing the database', async () => {
    const first = await startTestServer({ maxLoginFailuresPerAccount: 2 });
    const second = await startTestServer({ maxLoginFailuresPerAccount: 2, dbPath: first.dbPath });
    try {
      const attempt = (srv: TestServer, password: string) => srv.api(null, 'POST', '/api/auth/login', { email: 'client2@demo.test', password });
      expect((await attempt(first, 'wrong-1')).status).toBe(401);
      expect((await attempt(second, 'wrong-2')).status).toBe(401);
      // Two instances, one limit: the third try is refused wherever it lands.
      expect((await attempt(first, 'spotter-demo')).status).toBe(429);
      expect((await attempt(second, 'spotter-demo')).status).toBe(429);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('refuses a malformed login body with 400', async () => {
    const res = await s.api(null, 'POST', '/api/auth/login', { email: 'not-an-email', password: '' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/email/);
  });
});

describe('tokens', () => {
  it('rotates the refresh token: the new one works, the spent one still works within the grace window', async () => {
    const first = await s.login('client@demo.test');
    const refreshed = await s.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(first.refreshToken);
    expect(refreshed.body.user).toEqual(first.user);
    expect((await s.api(refreshed.body.accessToken, 'GET', '/api/me')).status).toBe(200);
    // A second tab refreshing with the same token, or a retry after a lost answer.
    const sibling = await s.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(sibling.status).toBe(200);
    expect((await s.api(sibling.body.accessToken, 'GET', '/api/me')).status).toBe(200);
  });

  it('refuses a spent refresh token once its grace window is over and its successor has been used', async () => {
    const strict = await startTestServer({ refreshReuseGraceMs: 0 });
    try {
      const first = await strict.login('client@demo.test');
      const second = await strict.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken });
      expect(second.status).toBe(200);
      expect((await strict.api(null, 'POST', '/api/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(200);
      const replay = await strict.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken });
      expect(replay).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    } finally {
      await strict.close();
    }
  });

  // Found by the sync simulation (sim/README.md): the server died after committing a refresh,
  // before its answer left, and the device then stayed offline past the grace window. It still
  // holds only the spent token; refusing it signed the user out with changes waiting to upload.
  it('a refresh whose answer was lost still works past the grace window while the new token was never used', async () => {
    const strict = await startTestServer({ refreshReuseGraceMs: 0 });
    try {
      const first = await strict.login('client@demo.test');
      expect((await strict.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(200); // answer lost
      const retry = await strict.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken });
      expect(retry.status).toBe(200);
      expect((await strict.api(retry.body.accessToken, 'GET', '/api/me')).status).toBe(200);
      // Once the device has used what the retry gave it, the spent token is dead again.
      expect((await strict.api(null, 'POST', '/api/auth/refresh', { refreshToken: retry.body.refreshToken })).status).toBe(200);
      expect((await strict.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it('a spent token whose successor was signed out gets no grace', async () => {
    const strict = await startTestServer({ refreshReuseGraceMs: 0 });
    try {
      const first = await strict.login('client@demo.test');
      const second = await strict.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken });
      expect((await strict.api(null, 'POST', '/api/auth/logout', { refreshToken: second.body.refreshToken })).status).toBe(200);
      expect((await strict.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it('a signed-out token gets no grace', async () => {
    const first = await s.login('client@demo.test');
    expect((await s.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(200);
    expect((await s.api(null, 'POST', '/api/auth/logout', { refreshToken: first.refreshToken })).status).toBe(200);
    expect((await s.api(null, 'POST', '/api/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
  });

  it('logout revokes the refresh token', async () => {
    const session = await s.login('client@demo.test');
    expect((await s.api(null, 'POST', '/api/auth/logout', { refreshToken: session.refreshToken })).status).toBe(200);
    expect((await s.api(null, 'POST', '/api/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it.each([
    ['no token', null],
    ['a garbage token', 'garbage'],
  ])('refuses API calls with %s (401)', async (_name, token) => {
    const res = await s.api(token, 'POST', '/api/sync/sessions/pull', { checkpoint: null, batchSize: 10 });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthorized');
  });

  it('refuses an expired access token (401) and the refresh token gets a new one', async () => {
    const session = await s.login('coach@demo.test');
    // A token issued an hour ago with the server's own key: expired, otherwise valid.
    const expired = s.app.jwt.sign({ sub: session.user.id, role: 'coach', iat: Math.floor(Date.now() / 1000) - 3600 } as never);
    const res = await s.api(expired, 'GET', '/api/me');
    expect(res).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    const refreshed = await s.api(null, 'POST', '/api/auth/refresh', { refreshToken: session.refreshToken });
    expect((await s.api(refreshed.body.accessToken, 'GET', '/api/me')).status).toBe(200);
  });

  it('serves health without a token', async () => {
    expect(await s.api(null, 'GET', '/api/health')).toMatchObject({ status: 200, body: { ok: true } });
  });
});
