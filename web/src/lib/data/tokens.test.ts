import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@spotter/shared';
import { startTestServer, type TestServer } from '../../../../sync-server/test/helper.ts';
import type { Device } from './device.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// Token handling of the data layer against the REAL server (DESIGN.md "Identity"): an access
// token the server no longer accepts is refreshed once and the request retried; a refused
// refresh pauses sync, keeps every local change, and sign-in resumes it. The expired token is
// forged (any token the server rejects is answered like an expired one) so no test waits on a clock.
let server: TestServer;
let browser: TestBrowser;
let device: Device;
let coachId: string;
let clientId: string;

beforeAll(async () => {
  server = await startTestServer();
  clientId = (await server.login('client@demo.test')).user.id;
  browser = new TestBrowser(server.url);
  device = await browser.open();
  coachId = (await device.signIn('coach@demo.test', 'spotter-demo')).id;
  await device.awaitInSync();
});

afterAll(async () => {
  await device?.close();
  await server?.close();
});

function message(body: string): Message {
  const now = new Date().toISOString();
  return { id: device.newId(), kind: 'message', authorId: coachId, authorRole: 'coach', coachId, clientId, targetType: null, targetId: null, body, createdAt: now, updatedAt: now };
}

const expireAccessToken = () => browser.sessions.save({ ...browser.sessions.load()!, accessToken: 'expired.access.token' });
const refreshes = () => browser.requests.filter((r) => r.url.endsWith('/api/auth/refresh')).length;
const clientSees = async (body: string) =>
  (await serverDocs<Message>(server.url, (await server.login('client@demo.test')).accessToken, 'messages')).filter((m) => m.body === body);

describe('an expired access token', () => {
  it('is refreshed once and the push goes through', async () => {
    const before = browser.sessions.load()!;
    expireAccessToken();
    const sent = await device.put('messages', message('After a refresh'));
    await until(() => device.syncState$.value.pending, (n) => n === 0);
    expect(await clientSees(sent.body)).toHaveLength(1);
    const after = browser.sessions.load()!;
    expect(after.accessToken).not.toBe('expired.access.token');
    expect(after.refreshToken).not.toBe(before.refreshToken); // rotated
    expect(refreshes()).toBeGreaterThanOrEqual(1);
    expect(device.syncState$.value.needsSignIn).toBe(false);
  });
});

describe('a refused refresh', () => {
  it('pauses sync and keeps the offline change, which lands once after signing in again', async () => {
    browser.setOnline(device, false);
    const kept = await device.put('messages', message('Written while signed out'));
    expect(device.syncState$.value.pending).toBe(1);

    // While the device was away its session ended on the server (revoked refresh token).
    const saved = browser.sessions.load()!;
    expect((await server.api(null, 'POST', '/api/auth/logout', { refreshToken: saved.refreshToken })).status).toBeLessThan(300);
    expireAccessToken();

    browser.setOnline(device, true);
    await until(() => device.syncState$.value.needsSignIn, (v) => v);
    expect(device.syncState$.value.pending).toBe(1);
    expect(await device.get('messages', kept.id)).toMatchObject({ body: kept.body });
    expect(await clientSees(kept.body)).toHaveLength(0);

    const user = await device.signIn('coach@demo.test', 'spotter-demo');
    expect(user.id).toBe(coachId); // same person: local data kept, not wiped
    await until(() => device.syncState$.value, (s) => !s.needsSignIn && s.pending === 0);
    expect(await clientSees(kept.body)).toHaveLength(1);
    expect(await device.get('messages', kept.id)).toMatchObject({ body: kept.body });
  });
});
