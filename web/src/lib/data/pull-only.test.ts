import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionLog } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { internals } from './internals.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// A collection the user's role never writes (a coach and logs: docs/DESIGN.md "Write rules") replicates
// pull-only, which spares RxDB a bookkeeping document per pulled document. It still arrives in
// full and stays live; a local write to it could never be uploaded, so the device refuses it.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe("a collection the user's role does not write", () => {
  it('is pulled in full, and a local write to it is refused at once instead of waiting forever', async () => {
    const token = (await server.login('coach@demo.test')).accessToken;
    const browser = new TestBrowser(server.url);
    const device = await browser.open();
    await device.signIn('coach@demo.test', 'spotter-demo');
    await until(() => device.syncState$.value.initialSync, (n) => n === 1);
    const expected = (await serverDocs<SessionLog>(server.url, token, 'logs')).filter((l) => !l._deleted);
    expect(expected.length).toBeGreaterThan(0);
    await until(async () => (await internals(device).db().logs.find().exec()).length, (n) => n === expected.length);

    const log = expected[0]!;
    await expect(internals(device).store.put('logs', { ...log, completedAt: null, entries: {} } as SessionLog)).rejects.toThrow('A coach cannot change logs.');
    expect((await internals(device).store.get('logs', log.id))?.completedAt).toBe(log.completedAt);
    expect(device.syncState$.value.pending).toBe(0);
    // Its own collections still push.
    const before = browser.requests.filter((r) => r.url.includes('/sessions/push')).length;
    const now = new Date().toISOString();
    await internals(device).store.put('sessions', {
      id: device.commands.newId(), coachId: log.coachId, clientId: log.clientId, dueDate: '2099-02-01', title: 'Pushed', notes: '', exercises: [],
      status: 'draft', submittedAt: null, rejection: null, planId: null, createdAt: now, updatedAt: now,
    });
    await until(() => device.syncState$.value.pending, (n) => n === 0);
    expect(browser.requests.filter((r) => r.url.includes('/sessions/push')).length).toBeGreaterThan(before);
    await device.close();
  });
});
