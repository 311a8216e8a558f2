import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginResponseSchema } from '@spotter/shared';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './helper.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

const login = (email: string, password: string) => s.api(null, 'POST', '/api/auth/login', { email, password });

describe('login', () => {
  it('answers the access token and the user; the refresh token only as an HttpOnly, SameSite=Strict cookie of /api/auth', async () => {
    const res = await login('coach@demo.test', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const body = loginResponseSchema.parse(res.body);
    expect(res.body).not.toHaveProperty('refreshToken');
    expect(body.user).toMatchObject({ role: 'coach', email: 'coach@demo.test', firstName: 'Casey' });
    const me = await s.api(body.accessToken, 'GET', '/api/me');
    expect(me).toMatchObject({ status: 200, body: { id: body.user.id, role: 'coach' } });
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^spotter_refresh=[\w-]{40,};/);
    expect(cookie).toMatch(/; Path=\/api\/auth(;|$)/);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Strict(;|$)/);
    // Served over plain http here: a Secure cookie would never come back.
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('answers a wrong email and a wrong password identically', async () => {
    const wrongEmail = await login('nobody@demo.test', DEMO_PASSWORD);
    const wrongPassword = await login('client3@demo.test', 'not-the-password');
    expect(wrongEmail.status).toBe(401);
    expect(wrongEmail.body).toEqual({ error: 'unauthorized', message: 'Wrong email or password.' });
    expect(wrongPassword.status).toBe(wrongEmail.status);
    expect(wrongPassword.body).toEqual(wrongEmail.body);
  });

  it('rate limits repeated failures per account and address (429 with Retry-After), even with the right password, without locking others out', async () => {
    for (let i = 0; i < 10; i++) expect((await login('client2@demo.test', `guess-${i}`)).status).toBe(401);
    const blocked = await login('client2@demo.test', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Too many failed sign-ins\. Try again in \d+ minutes?\./);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login('admin@demo.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it('rate limits repeated failures per IP across accounts', async () => {
    const strict = await startTestServer({ loginLimits: { perAddress: { max: 3, windowMs: 60_000 } } });
    try {
      for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) expect((await strict.api(null, 'POST', '/api/auth/login', { email, password: 'x' })).status).toBe(401);
      const res = await strict.api(null, 'POST', '/api/auth/login', { email: 'coach@demo.test', password: DEMO_PASSWORD });
      expect(res.status).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('keeps counting failures across a restart and across instances sharing the database', async () => {
    const limits = { perAccountAndAddress: { max: 2, windowMs: 60_000 } };
    const first = await startTestServer({ loginLimits: limits });
    const second = await startTestServer({ loginLimits: limits, dbPath: first.dbPath, databaseUrl: first.databaseUrl ?? undefined });
    try {
      const attempt = (srv: TestServer, password: string) => srv.api(null, 'POST', '/api/auth/login', { email: 'client2@demo.test', password });
      expect((await attempt(first, 'wrong-1')).status).toBe(401);
      expect((await attempt(second, 'wrong-2')).status).toBe(401);
      // Two instances, one limit: the third try is refused wherever it lands.
      expect((await attempt(first, DEMO_PASSWORD)).status).toBe(429);
      expect((await attempt(second, DEMO_PASSWORD)).status).toBe(429);
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
  it('rotates the refresh token: the new one works, the spent one still works within the race window', async () => {
    const first = await s.login('client@demo.test');
    const refreshed = await s.refresh(first.cookie);
    expect(refreshed.status).toBe(200);
    expect(refreshed.cookie).toMatch(/^spotter_refresh=/);
    expect(refreshed.cookie).not.toBe(first.cookie);
    expect(refreshed.body.user).toEqual(first.user);
    expect((await s.api(refreshed.body.accessToken, 'GET', '/api/me')).status).toBe(200);
    // A second tab refreshing with the same cookie at the same moment.
    const sibling = await s.refresh(first.cookie);
    expect(sibling.status).toBe(200);
    expect((await s.api(sibling.body.accessToken, 'GET', '/api/me')).status).toBe(200);
  });

  it('refuses a refresh without the cookie', async () => {
    expect(await s.refresh('')).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
  });

  it('refuses a spent refresh token once its race window is over and its successor has been used', async () => {
    const strict = await startTestServer({ refreshReuseGraceMs: 0 });
    try {
      const first = await strict.login('client@demo.test');
      const second = await strict.refresh(first.cookie);
      expect(second.status).toBe(200);
      expect((await strict.refresh(second.cookie)).status).toBe(200);
      const replay = await strict.refresh(first.cookie);
      expect(replay).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    } finally {
      await strict.close();
    }
  });

  // Found by the sync simulation (sim/README.md): the server died after committing a refresh,
  // before its answer left, and the device then stayed offline past the race window. It still
  // holds only the spent token; refusing it signed the user out with changes waiting to upload.
  it('a refresh whose answer was lost still works past the race window while the new token was never used', async () => {
    const strict = await startTestServer({ refreshReuseGraceMs: 0 });
    try {
      const first = await strict.login('client@demo.test');
      const lost = await strict.refresh(first.cookie); // answer lost
      expect(lost.status).toBe(200);
      const retry = await strict.refresh(first.cookie);
      expect(retry.status).toBe(200);
      expect((await strict.api(retry.body.accessToken, 'GET', '/api/me')).status).toBe(200);
      // The undelivered successor is signed out: only the retry's token lives on.
      expect((await strict.refresh(lost.cookie)).status).toBe(401);
      // Once the device has used what the retry gave it, the spent token is dead again.
      expect((await strict.refresh(retry.cookie)).status).toBe(200);
      expect((await strict.refresh(first.cookie)).status).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it('a spent token whose successor was signed out gets no grace', async () => {
    const strict = await startTestServer({ refreshReuseGraceMs: 0 });
    try {
      const first = await strict.login('client@demo.test');
      const second = await strict.refresh(first.cookie);
      expect((await strict.logout(second.cookie)).status).toBe(200);
      expect((await strict.refresh(first.cookie)).status).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it('a signed-out token gets no grace', async () => {
    const first = await s.login('client@demo.test');
    expect((await s.refresh(first.cookie)).status).toBe(200);
    expect((await s.logout(first.cookie)).status).toBe(200);
    expect((await s.refresh(first.cookie)).status).toBe(401);
  });

  it('logout revokes the refresh token and clears the cookie', async () => {
    const session = await s.login('client@demo.test');
    const out = await s.logout(session.cookie);
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()[0]).toMatch(/^spotter_refresh=;.*Expires=Thu, 01 Jan 1970/);
    expect((await s.refresh(session.cookie)).status).toBe(401);
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
    const { sid } = s.app.jwt.decode<{ sid: string }>(session.accessToken)!;
    // A token issued an hour ago with the server's own key, of a live family: expired, otherwise valid.
    const expired = s.app.jwt.sign({ sub: session.user.id, role: 'coach', sid, iat: Math.floor(Date.now() / 1000) - 3600 } as never);
    const res = await s.api(expired, 'GET', '/api/me');
    expect(res).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    const refreshed = await s.refresh(session.cookie);
    expect((await s.api(refreshed.body.accessToken, 'GET', '/api/me')).status).toBe(200);
  });

  it('serves health without a token', async () => {
    expect(await s.api(null, 'GET', '/api/health')).toMatchObject({ status: 200, body: { ok: true } });
  });
});

describe('the device\'s time zone at sign-in', () => {
  it('becomes the person\'s own when they have none, and never replaces one they have', async () => {
    const coach = loginResponseSchema.parse((await login('coach@demo.test', DEMO_PASSWORD)).body);
    const email = `zone-${Date.now()}@demo.test`;
    const password = 'a quite long passphrase 7';
    const created = await s.api(coach.accessToken, 'POST', '/api/clients', { email, password, firstName: 'Zoe', lastName: 'Zone' });
    expect(created.status).toBe(201);
    const zoneOf = async (token: string) => {
      const pulled = await s.api(token, 'POST', '/api/sync/people/pull', { checkpoint: null, batchSize: 100 });
      const me = (pulled.body.documents as { email: string; notifications?: { timeZone: string } }[]).find((p) => p.email === email);
      return me?.notifications?.timeZone ?? null;
    };
    const plain = loginResponseSchema.parse((await login(email, password)).body);
    expect(await zoneOf(plain.accessToken)).toBeNull();
    const first = await s.api(null, 'POST', '/api/auth/login', { email, password, timeZone: 'America/New_York' });
    expect(first.status).toBe(200);
    expect(await zoneOf(first.body.accessToken)).toBe('America/New_York');
    // Abroad for a week: the reminders stay at home time until the person changes them.
    const abroad = await s.api(null, 'POST', '/api/auth/login', { email, password, timeZone: 'Asia/Tokyo' });
    expect(await zoneOf(abroad.body.accessToken)).toBe('America/New_York');
    expect((await s.api(null, 'POST', '/api/auth/login', { email, password, timeZone: 'not a zone!' })).status).toBe(400);
  });
});
