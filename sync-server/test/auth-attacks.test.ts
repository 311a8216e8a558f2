import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLoginLimits } from '../src/auth/attempts.ts';
import { samples } from '@spotter/shared/fixtures.ts';
import { readConfig } from '../src/config.ts';
import { DEMO_PASSWORD, startTestServer, type TestServer } from './helper.ts';
import { logCapture } from './log-capture.ts';
import { coachAndClient } from './wire.ts';

// The holes an attacker's probe found in sign-in and sessions (SECURITY.md), each tried again.

const HOUR = 3600_000;
let s: TestServer;
let log: ReturnType<typeof logCapture>;
beforeAll(async () => {
  log = logCapture();
  // Behind a proxy on loopback, so each test can speak from its own client address.
  s = await startTestServer({ trustProxy: '127.0.0.1', logStream: log.stream });
});
afterAll(() => s?.close());

const from = (address: string) => ({ 'x-forwarded-for': address });
const login = (email: string, password: string, address: string) => s.api(null, 'POST', '/api/auth/login', { email, password }, from(address));
const count = (statuses: number[], status: number) => statuses.filter((x) => x === status).length;

describe('sign-in attempts', () => {
  it('40 wrong passwords sent at once: only the limit (10) are checked, the rest are refused before hashing', async () => {
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => login('client3@demo.test', `parallel-guess-${i}`, '192.0.2.40'))).then((r) => r.map((x) => x.status));
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(30);
    // Each 401 is one password verification; the log says so too, with no password in it.
    expect(log.events('login_failed').filter((l) => l.email === 'client3@demo.test')).toHaveLength(10);
    expect(log.events('login_locked').filter((l) => l.email === 'client3@demo.test')).toHaveLength(30);
    expect(log.text()).not.toContain('parallel-guess');
  });

  it('a guesser on one address does not lock the owner out on another, and is told how long to wait', async () => {
    for (let i = 0; i < 10; i++) expect((await login('client@demo.test', `guess-${i}`, '203.0.113.5')).status).toBe(401);
    const blocked = await login('client@demo.test', DEMO_PASSWORD, '203.0.113.5');
    expect(blocked.status).toBe(429);
    const wait = Number(blocked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(blocked.body.message).toMatch(/Try again in \d+ minutes?/);
    // The owner, from their own phone on another network.
    expect((await login('client@demo.test', DEMO_PASSWORD, '198.51.100.7')).status).toBe(200);
  });

  it('failures on one account from many addresses are capped per account (ASVS: at most 100 an hour)', async () => {
    const strict = await startTestServer({ trustProxy: '127.0.0.1', loginLimits: { perAccount: { max: 3, windowMs: HOUR } } });
    try {
      const attempt = (password: string, address: string) => strict.api(null, 'POST', '/api/auth/login', { email: 'coach2@demo.test', password }, from(address));
      for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) expect((await attempt('wrong-password', address)).status).toBe(401);
      const blocked = await attempt(DEMO_PASSWORD, '192.0.2.4');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(15 * 60);
      expect(defaultLoginLimits.perAccount).toEqual({ max: 100, windowMs: HOUR });
    } finally {
      await strict.close();
    }
  });

  it('only failures count: signing in successfully gives back the attempt it reserved', async () => {
    for (let i = 0; i < 9; i++) expect((await login('coach2@demo.test', `miss-${i}`, '192.0.2.77')).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await login('coach2@demo.test', DEMO_PASSWORD, '192.0.2.77')).status).toBe(200);
    expect((await login('coach2@demo.test', 'miss-again', '192.0.2.77')).status).toBe(401);
    expect((await login('coach2@demo.test', DEMO_PASSWORD, '192.0.2.77')).status).toBe(429);
  });
});

describe('sessions', () => {
  it('logout ends the whole family: the token spent just before it, and a sibling from the race window, are refused', async () => {
    const first = await s.login('client@demo.test');
    const second = await s.refresh(first.cookie);
    const sibling = await s.refresh(first.cookie); // a second tab, inside the race window
    expect([second.status, sibling.status]).toEqual([200, 200]);
    expect((await s.logout(second.cookie)).status).toBe(200);
    expect((await s.refresh(first.cookie)).status).toBe(401);
    expect((await s.refresh(sibling.cookie)).status).toBe(401);
  });

  it('a refresh token presented after its successor was used ends the family and is logged', async () => {
    const strictLog = logCapture();
    const strict = await startTestServer({ refreshReuseGraceMs: 0, logStream: strictLog.stream });
    try {
      const stolen = await strict.login('client@demo.test');
      const second = await strict.refresh(stolen.cookie);
      const third = await strict.refresh(second.cookie); // the device goes on using its chain
      expect(third.status).toBe(200);
      expect((await strict.refresh(stolen.cookie)).status).toBe(401); // the thief replays the copy
      // The whole family is over, the device's newest tokens included.
      expect((await strict.refresh(third.cookie)).status).toBe(401);
      expect((await strict.api(third.body.accessToken, 'GET', '/api/me')).status).toBe(401);
      const [event] = strictLog.events('refresh_token_reuse');
      expect(event).toMatchObject({ event: 'refresh_token_reuse', userId: stolen.user.id, level: 40 });
      expect(strictLog.text()).not.toContain(stolen.cookie.split('=')[1]);
    } finally {
      await strict.close();
    }
  });

  it('after logout the old access token is refused on pull, push and the stream, and an open stream ends', async () => {
    const { client } = await coachAndClient(s);
    const session = await s.login('client@demo.test');
    const token = session.accessToken;
    const stream = await fetch(`${s.url}/api/sync/stream?token=${token}`);
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('RESYNC');

    expect((await s.logout(session.cookie)).status).toBe(200);
    expect((await s.api(token, 'POST', '/api/sync/messages/pull', { checkpoint: null, batchSize: 10 })).status).toBe(401);
    const message = { ...samples.messages(), id: crypto.randomUUID(), authorId: client.id, clientId: client.id };
    expect((await s.api(token, 'POST', '/api/sync/messages/push', [{ assumedMasterState: null, newDocumentState: { ...message, _deleted: false } }])).status).toBe(401);
    expect((await fetch(`${s.url}/api/sync/stream?token=${token}`)).status).toBe(401);
    // The stream opened before the logout ends at the next change.
    s.app.notifier.publish({ collections: ['messages'], clientIds: [client.id] });
    for (;;) if ((await reader.read()).done) break;
    expect(log.events('revoked_session_used').some((l) => l.userId === session.user.id)).toBe(true);
    // Another device of the same user is not signed out.
    expect((await s.api(client.token, 'POST', '/api/sync/messages/pull', { checkpoint: null, batchSize: 10 })).status).toBe(200);
  });

  it('an open stream ends at sign-out at once, with no change to wake it', async () => {
    const session = await s.login('client2@demo.test');
    const reader = (await fetch(`${s.url}/api/sync/stream?token=${session.accessToken}`)).body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('RESYNC');
    expect((await s.logout(session.cookie)).status).toBe(200);
    // Nothing is published: only the sign-out's own notice can end it.
    for (;;) if ((await reader.read()).done) break;
  });

  it('a reused refresh token ends the open streams of its family', async () => {
    const strict = await startTestServer({ refreshReuseGraceMs: 0 });
    try {
      const stolen = await strict.login('client@demo.test');
      const second = await strict.refresh(stolen.cookie);
      const third = await strict.refresh(second.cookie); // the device goes on using its chain
      const reader = (await fetch(`${strict.url}/api/sync/stream?token=${third.body.accessToken}`)).body!.getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toContain('RESYNC');
      expect((await strict.refresh(stolen.cookie)).status).toBe(401); // the replayed copy
      for (;;) if ((await reader.read()).done) break;
    } finally {
      await strict.close();
    }
  });

  it('logout with only the access token (a client without the cookie) ends its family', async () => {
    const session = await s.login('client3@demo.test');
    expect((await s.logout(null, session.accessToken)).status).toBe(200);
    expect((await s.refresh(session.cookie)).status).toBe(401);
  });

  it('refresh and logout need the CSRF header (403), logged', async () => {
    const session = await s.login('admin@demo.test');
    const res = await s.api(null, 'POST', '/api/auth/refresh', undefined, { cookie: session.cookie, 'x-spotter-csrf': '' });
    expect(res).toMatchObject({ status: 403, body: { error: 'forbidden', message: expect.stringMatching(/x-spotter-csrf/) } });
    expect(log.events('csrf_refused').length).toBeGreaterThan(0);
    expect((await s.refresh(session.cookie)).status).toBe(200);
  });

  it('access tokens live 5 minutes unless configured', () => {
    expect(readConfig({ DATABASE_PATH: ':memory:', JWT_SECRET: 'x' }).accessTokenTtl).toBe(300);
  });
});

describe('security events', () => {
  it('a write into what the viewer may not change is logged as write_denied; a 403 as access_denied', async () => {
    const { coach, client } = await coachAndClient(s);
    const forged = { ...samples.messages(), id: crypto.randomUUID(), authorId: coach.id, authorRole: 'coach', coachId: coach.id, clientId: client.id, body: 'as my coach' };
    const res = await s.api(client.token, 'POST', '/api/sync/messages/push', [{ assumedMasterState: null, newDocumentState: { ...forged, _deleted: false } }]);
    expect(res.status).toBe(200);
    expect(res.body[0]._refusal).toMatch(/yourself/);
    expect(log.events('write_denied').find((l) => l.userId === client.id)).toMatchObject({ collection: 'messages', count: 1, rows: [{ id: forged.id }] });
    const denied = await s.api(coach.token, 'POST', '/api/admin/assignments/bulk', { clientIds: [client.id], coachId: coach.id });
    expect(denied.status).toBe(403);
    expect(log.events('access_denied').find((l) => l.userId === coach.id)).toMatchObject({ url: '/api/admin/assignments/bulk' });
  });
});
