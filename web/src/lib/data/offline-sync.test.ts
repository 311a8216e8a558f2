import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionNames, type Message, type TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Device } from './device.ts';
import { internals } from './internals.ts';
import { localCounts, serverDocs, TestBrowser, until } from './test-device.ts';

// The coach's device (real RxDB on fake-indexeddb) against the REAL sync server: edits made
// with the network cut reach the server once the network returns, exactly once; a browser that
// wiped its IndexedDB pulls everything again. One device per file (RxDB's 13-collection limit).
let server: TestServer;
let browser: TestBrowser;
let device: Device;
let coachId: string;
let clientId: string;
let clientToken: string;

beforeAll(async () => {
  server = await startTestServer();
  const client = await server.login('client@demo.test');
  clientId = client.user.id;
  clientToken = client.accessToken;
  browser = new TestBrowser(server.url);
  device = await browser.open();
  coachId = (await device.signIn('coach@demo.test', 'spotter-demo')).id;
  await device.awaitInSync();
});

afterAll(async () => {
  await device?.close();
  await server?.close();
});

const pushesOf = (id: string) => browser.requests.filter((r) => r.url.includes('/push') && r.body.includes(id)).length;

function message(body: string): Message {
  const now = new Date().toISOString();
  return { id: device.commands.newId(), kind: 'message', authorId: coachId, authorRole: 'coach', coachId, clientId, targetType: null, targetId: null, targetEntryId: null, rating: null, body, createdAt: now, updatedAt: now };
}

describe('offline edits', () => {
  it('are kept while offline and pushed after reconnect, exactly once, last edit winning', async () => {
    browser.setOnline(device, false);
    expect(device.syncState$.value.online).toBe(false);

    const first = await internals(device).store.put('messages', message('Offline hello 1'));
    const second = await internals(device).store.put('messages', message('Offline hello 2'));
    const now = new Date().toISOString();
    const draft: TrainingSession = {
      id: device.commands.newId(), coachId, clientId, dueDate: '2099-01-01', title: 'Offline draft', notes: '', exercises: [],
      status: 'draft', submittedAt: null, rejection: null, planId: null, createdAt: now, updatedAt: now,
    };
    await internals(device).store.put('sessions', draft);
    await internals(device).store.patch('sessions', draft.id, { notes: 'first thought' });
    await internals(device).store.patch('sessions', draft.id, { notes: 'second thought' });
    expect(device.syncState$.value.pending).toBe(3);
    // Nothing left the device: every request failed like a browser's fetch offline.
    expect(pushesOf(first.id)).toBe(0);

    browser.setOnline(device, true);
    await until(() => device.syncState$.value, (s) => s.pending === 0 && s.online);
    await device.awaitInSync();

    const messages = await serverDocs<Message>(server.url, clientToken, 'messages');
    expect(messages.filter((m) => m.body.startsWith('Offline hello')).map((m) => m.body).sort()).toEqual(['Offline hello 1', 'Offline hello 2']);
    const coachToken = internals(device).api.accessToken()!;
    const drafts = (await serverDocs<TrainingSession>(server.url, coachToken, 'sessions')).filter((s) => s.id === draft.id);
    expect(drafts).toEqual([expect.objectContaining({ title: 'Offline draft', notes: 'second thought', status: 'draft' })]);
    // Once over the wire: no repeated push of an acknowledged write.
    expect(pushesOf(first.id)).toBe(1);
    expect(pushesOf(second.id)).toBe(1);
  });

  it('shows a change from another device live, without a re-pull request', async () => {
    const client = await server.login('client@demo.test');
    const now = new Date().toISOString();
    const reply: Message = { id: crypto.randomUUID(), kind: 'message', authorId: clientId, authorRole: 'client', coachId, clientId, targetType: null, targetId: null, targetEntryId: null, rating: null, body: 'Live reply', createdAt: now, updatedAt: now };
    const pulls = browser.requests.filter((r) => r.url.includes('/messages/pull')).length;
    const res = await server.api(client.accessToken, 'POST', '/api/sync/messages/push', [{ assumedMasterState: null, newDocumentState: { ...reply, _deleted: false } }]);
    expect(res.status).toBe(200);
    await until(() => internals(device).store.get('messages', reply.id), (m) => m?.body === 'Live reply');
    // Delivered by the SSE stream itself.
    expect(browser.requests.filter((r) => r.url.includes('/messages/pull')).length).toBe(pulls);
  });
});

describe('a write the server refuses', () => {
  it('is kept aside with its reason, the server’s version wins, and it can be restored', async () => {
    const theirs = (await internals(device).db().messages.findOne({ selector: { body: 'Live reply' } }).exec())!.toMutableJSON() as Message;
    // A coach may not rewrite the client's message (docs/DESIGN.md "Messages and comments": only its author writes it).
    await internals(device).store.patch('messages', theirs.id, { body: 'Edited by the coach' });
    const refusals = await until(() => internals(device).db().refused.find().exec(), (list) => list.length === 1);
    const entry = refusals[0]!.toMutableJSON();
    expect(entry).toMatchObject({ collectionName: 'messages', docId: theirs.id, reason: 'You can only write as yourself.' });
    expect(entry.attempted).toMatchObject({ body: 'Edited by the coach' });
    await until(() => internals(device).store.get('messages', theirs.id), (m) => m?.body === 'Live reply');
    await until(() => device.syncState$.value.pending, (n) => n === 0);
    const listed = await new Promise<unknown[]>((resolve) => {
      const sub = device.queries.refusedChanges().subscribe((list) => {
        resolve(list);
        queueMicrotask(() => sub.unsubscribe());
      });
    });
    expect(listed).toEqual([expect.objectContaining({ id: entry.id, reason: 'You can only write as yourself.' })]);
    expect((await serverDocs<Message>(server.url, clientToken, 'messages')).find((m) => m.id === theirs.id)?.body).toBe('Live reply');

    // Restoring puts the user's version back as the document (offline here, so it stays).
    browser.setOnline(device, false);
    await device.commands.restoreRefused(entry.id);
    expect((await internals(device).store.get('messages', theirs.id))?.body).toBe('Edited by the coach');
    expect(await internals(device).db().refused.find().exec()).toHaveLength(0);
    expect(device.syncState$.value.pending).toBe(1);
    // Online again it syncs again; still refused, it is set aside once more, nothing lost.
    browser.setOnline(device, true);
    await until(() => internals(device).db().refused.find().exec(), (list) => list.length === 1);
    await until(() => internals(device).store.get('messages', theirs.id), (m) => m?.body === 'Live reply');
  });
});

describe('a wiped IndexedDB', () => {
  it('is refilled from the server: the saved session resumes and every collection is pulled again', async () => {
    const before = await localCounts(device, collectionNames);
    expect(before.sessions).toBeGreaterThan(0);
    await device.close();

    browser.wipeIndexedDB();
    device = await browser.open();
    expect(await localCounts(device, collectionNames)).toEqual(Object.fromEntries(collectionNames.map((n) => [n, 0])));
    expect(device.syncState$.value.initialSync).toBe(0);

    expect(device.resumeSession()?.id).toBe(coachId);
    await until(() => device.syncState$.value.initialSync, (v) => v === 1);
    expect(await localCounts(device, collectionNames)).toEqual(before);
    expect((await internals(device).store.get('messages', (await internals(device).db().messages.findOne({ selector: { body: 'Offline hello 1' } }).exec())!.id))?.body).toBe('Offline hello 1');
    expect(device.syncState$.value.pending).toBe(0);
  });
});
