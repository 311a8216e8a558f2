import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Device } from './device.ts';
import { internals } from './internals.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// Access tokens that live one second (the real server's ACCESS_TOKEN_TTL): the device refreshes
// them on a 401 and carries on; when the server refuses the refresh token, sync pauses with
// every local change kept, the device asks for sign-in, and signing in resumes the upload.
let server: TestServer;
let browser: TestBrowser;
let device: Device;
let coachId: string;
let clientId: string;

beforeAll(async () => {
  server = await startTestServer({ accessTokenTtl: 1 });
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
  return { id: device.commands.newId(), kind: 'message', authorId: coachId, authorRole: 'coach', coachId, clientId, targetType: null, targetId: null, targetEntryId: null, rating: null, body, createdAt: now, updatedAt: now };
}

/** Waits until the server no longer accepts this access token. */
const expired = (token: string) =>
  until(() => server.api(token, 'POST', '/api/sync/people/pull', { checkpoint: null, batchSize: 1 }), (res) => res.status === 401);

const onServer = async (body: string) =>
  (await serverDocs<Message>(server.url, (await server.login('client@demo.test')).accessToken, 'messages')).filter((m) => m.body === body);

describe('tokens', () => {
  it('refreshes an expired access token and uploads the change', async () => {
    const before = browser.sessions.load()!;
    await expired(before.accessToken);
    await internals(device).store.put('messages', message('After expiry'));
    await until(() => device.syncState$.value.pending, (n) => n === 0);
    expect(await onServer('After expiry')).toHaveLength(1);
    const after = browser.sessions.load()!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken); // rotated
    expect(device.syncState$.value.needsSignIn).toBe(false);
  });

  it('a refused refresh pauses sync, keeps local changes and asks for sign-in; signing in resumes', async () => {
    const session = browser.sessions.load()!;
    // The server forgets this device's refresh token (signed out elsewhere, or revoked).
    expect((await server.api(null, 'POST', '/api/auth/logout', { refreshToken: session.refreshToken })).status).toBeLessThan(300);
    await expired(browser.sessions.load()!.accessToken);

    const kept = await internals(device).store.put('messages', message('Kept through sign-in'));
    await until(() => device.syncState$.value, (s) => s.needsSignIn);
    expect(device.syncState$.value).toMatchObject({ needsSignIn: true, online: false, pending: 1 });
    expect((await internals(device).store.get('messages', kept.id))?.body).toBe('Kept through sign-in');
    expect(await onServer('Kept through sign-in')).toHaveLength(0);
    // More work while paused stays on the device too.
    await internals(device).store.patch('messages', kept.id, { body: 'Kept through sign-in, edited' });
    expect(device.syncState$.value.pending).toBe(1);

    await device.signIn('coach@demo.test', 'spotter-demo');
    expect(device.syncState$.value.needsSignIn).toBe(false);
    await until(() => device.syncState$.value, (s) => s.pending === 0 && s.online);
    expect(await onServer('Kept through sign-in, edited')).toHaveLength(1);
    expect(await onServer('Kept through sign-in')).toHaveLength(0);
    // Same user: the device kept its data (nothing was wiped by signing in again).
    expect((await internals(device).db().sessions.find().exec()).length).toBeGreaterThan(0);
  });
});
