import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { internals } from './internals.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// Two devices of one coach edit different fields of one draft; both edits are kept
// (docs/DESIGN.md "Conflicts": field by field against the assumed state). RxDB allows one device per realm, so
// the devices take turns: A edits offline and closes, B edits and syncs, A reopens and pushes
// against a server state it has not seen — a real conflict, merged by the real conflict handler.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('two devices of one user', () => {
  it('editing different fields of one document both keep their edit', async () => {
    const clientId = (await server.login('client@demo.test')).user.id;
    const a = new TestBrowser(server.url);
    let deviceA = await a.open();
    const coach = await deviceA.signIn('coach@demo.test', 'spotter-demo');
    const now = new Date().toISOString();
    const draft: TrainingSession = {
      id: deviceA.commands.newId(), coachId: coach.id, clientId, dueDate: '2099-02-01', title: 'Shared draft', notes: '', exercises: [],
      status: 'draft', submittedAt: null, rejection: null, planId: null, createdAt: now, updatedAt: now,
    };
    await internals(deviceA).store.put('sessions', draft);
    await until(() => deviceA.syncState$.value.pending, (n) => n === 0);

    // A, offline, renames the draft; then the app is closed with the change unsent.
    a.setOnline(deviceA, false);
    await internals(deviceA).store.patch('sessions', draft.id, { title: 'Renamed on A' });
    expect(deviceA.syncState$.value.pending).toBe(1);
    await deviceA.close();

    // B writes the notes and uploads them.
    const b = new TestBrowser(server.url);
    const deviceB = await b.open();
    await deviceB.signIn('coach@demo.test', 'spotter-demo');
    await until(() => internals(deviceB).store.get('sessions', draft.id), (d) => d !== null);
    await internals(deviceB).store.patch('sessions', draft.id, { notes: 'Written on B' });
    await until(() => deviceB.syncState$.value.pending, (n) => n === 0);
    await deviceB.close();

    // A comes back online: its push meets B's version and the two are merged field by field.
    a.online = true;
    deviceA = await a.open();
    expect(deviceA.syncState$.value.pending).toBe(1);
    deviceA.resumeSession();
    const merged = await until(() => internals(deviceA).store.get('sessions', draft.id), (d) => d?.title === 'Renamed on A' && d.notes === 'Written on B');
    expect(merged).toMatchObject({ status: 'draft', dueDate: '2099-02-01' });
    await until(() => deviceA.syncState$.value.pending, (n) => n === 0);
    const onServer = (await serverDocs<TrainingSession>(server.url, internals(deviceA).api.accessToken()!, 'sessions')).filter((s) => s.id === draft.id);
    expect(onServer).toEqual([expect.objectContaining({ title: 'Renamed on A', notes: 'Written on B', _deleted: false })]);
    await deviceA.close();
  });

  it('the last edit of a field wins, though the other device changed another field later', async () => {
    // Device A, offline, edits the notes; B then edits the same notes and syncs; A then renames
    // the draft and comes online. B's notes are the last edit of the notes: they stay, and A's
    // title (the last edit of the title) stays too (docs/DESIGN.md "The last edit of each field wins").
    const clientId = (await server.login('client@demo.test')).user.id;
    const a = new TestBrowser(server.url);
    let deviceA = await a.open();
    const coach = await deviceA.signIn('coach@demo.test', 'spotter-demo');
    const now = new Date().toISOString();
    const draft: TrainingSession = {
      id: deviceA.commands.newId(), coachId: coach.id, clientId, dueDate: '2099-02-02', title: 'Per-field draft', notes: 'first notes', exercises: [],
      status: 'draft', submittedAt: null, rejection: null, planId: null, createdAt: now, updatedAt: now,
    };
    await internals(deviceA).store.put('sessions', draft);
    await until(() => deviceA.syncState$.value.pending, (n) => n === 0);
    a.setOnline(deviceA, false);
    await internals(deviceA).store.patch('sessions', draft.id, { notes: 'older notes from A' });
    await deviceA.close();

    const b = new TestBrowser(server.url);
    const deviceB = await b.open();
    await deviceB.signIn('coach@demo.test', 'spotter-demo');
    await until(() => internals(deviceB).store.get('sessions', draft.id), (d) => d !== null);
    await internals(deviceB).store.patch('sessions', draft.id, { notes: 'newer notes from B' });
    await until(() => deviceB.syncState$.value.pending, (n) => n === 0);
    await deviceB.close();

    deviceA = await a.open();
    await internals(deviceA).store.patch('sessions', draft.id, { title: 'Renamed on A, later' });
    a.online = true;
    deviceA.resumeSession();
    await until(() => deviceA.syncState$.value.pending, (n) => n === 0);
    await deviceA.awaitInSync();
    const onServer = (await serverDocs<TrainingSession>(server.url, internals(deviceA).api.accessToken()!, 'sessions')).filter((s) => s.id === draft.id);
    expect(onServer).toEqual([expect.objectContaining({ title: 'Renamed on A, later', notes: 'newer notes from B', _deleted: false })]);
    expect(await internals(deviceA).store.get('sessions', draft.id)).toMatchObject({ title: 'Renamed on A, later', notes: 'newer notes from B' });
    await deviceA.close();
  });
});
