import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { SCHEMA_VERSION, sessionLogId, type CollectionName, type LogEntry, type SessionLog, type TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Device } from './device.ts';
import { memorySessionStore } from './session-store.ts';
import { internals } from './internals.ts';
import { serverDocs, until } from './test-device.ts';

// docs/DESIGN.md "Sets": a device of the app version before sets (local schema 2, entries
// without sets) is updated; its logs gain an empty sets record and keep their numbers, its
// unsynced log edit uploads, and sets are written and synced from then on. The old version
// also keeps syncing beside the new one: it receives logs with sets whole, and refuses on the
// device (nothing written, nothing lost) to change a log whose sets it does not know.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** A fresh copy of the data layer; `old`: the version before sets (schema 2, entries without `sets`). */
async function loadDataLayer(old: boolean) {
  vi.resetModules();
  if (old) {
    vi.doMock('@spotter/shared', async (importOriginal) => {
      const shared = await importOriginal<typeof import('@spotter/shared')>();
      const oldEntry = shared.logEntrySchema.omit({ sets: true });
      const { z } = await import('zod');
      const oldLog = shared.sessionLogSchema.extend({ entries: z.record(shared.id, oldEntry) });
      const rxSchemaFor = (name: CollectionName) => {
        const schema = JSON.parse(JSON.stringify(shared.rxSchemaFor(name)));
        schema.version = 2;
        if (name === 'logs') delete schema.properties.entries.additionalProperties.properties.sets;
        return schema;
      };
      return { ...shared, rxSchemaFor, collections: { ...shared.collections, logs: { ...shared.collections.logs, schema: oldLog } } };
    });
  } else {
    vi.doUnmock('@spotter/shared');
  }
  return (await import('./device.ts')).createDevice;
}

const oldEntry = (exerciseId: string, prescribed: LogEntry['prescribed'], notes: string): LogEntry => ({
  exerciseId, setsCompleted: 3, repsCompleted: 8, weightUsed: 60, weightUnit: 'kg', durationMinutes: null, completedAsPrescribed: true,
  results: '', notes, difficulty: 3, prescribed, loggedAt: new Date().toISOString(),
});

describe('the update to sets', () => {
  it('keeps old logs and their unsynced edit, then syncs sets; the old version keeps syncing beside it', async () => {
    const indexedDB = new IDBFactory();
    const sessions = memorySessionStore();
    let online = true;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (!online) throw new TypeError('Failed to fetch (offline)');
      return globalThis.fetch(input, init);
    };
    const open = async (old: boolean, db = indexedDB, store = sessions): Promise<Device> => {
      const createDevice = await loadDataLayer(old);
      const { getRxStorageDexie } = await import('rxdb/plugins/storage-dexie');
      return createDevice({ baseUrl: server.url, storage: getRxStorageDexie({ indexedDB: db, IDBKeyRange }), name: 'spotter', fetch, sessions: store, retryTime: 100 });
    };

    const before = await open(true);
    expect(internals(before).db().logs.schema.version).toBe(2);
    await before.signIn('client@demo.test', 'spotter-demo');
    await before.awaitInSync();
    const logs: SessionLog[] = await internals(before).store.all('logs');
    const session = ((await internals(before).store.all('sessions')) as TrainingSession[]).find((s) => s.exercises.length > 0 && !logs.some((l) => l.sessionId === s.id))!;
    const rx = session.exercises[0]!;
    const prescribed = { sets: rx.sets, reps: rx.reps, weight: rx.weight, restSeconds: rx.restSeconds };
    const logId = sessionLogId(session.id);
    const base: SessionLog = { id: logId, sessionId: session.id, clientId: session.clientId, coachId: session.coachId, entries: { [rx.id]: oldEntry(rx.exerciseId, prescribed, 'synced') }, completedAt: null, updatedAt: new Date().toISOString() };
    await before.commands.updateLog(logId, () => base);
    await until(() => before.syncState$.value.pending, (n) => n === 0);
    online = false;
    before.networkChanged(false);
    await before.commands.updateLog(logId, (l) => ({ ...l!, entries: { [rx.id]: { ...l!.entries[rx.id]!, notes: 'edited offline before the update' } } }));
    expect(before.syncState$.value.pending).toBe(1);
    await before.close();

    const after = await open(false);
    // The current version: later schema steps (4: optional catalogueId and group) keep these logs as they are.
    expect(internals(after).db().logs.schema.version).toBe(SCHEMA_VERSION);
    const migrated = (await internals(after).store.get('logs', logId))!;
    expect(migrated.entries[rx.id]).toMatchObject({ sets: {}, setsCompleted: 3, repsCompleted: 8, weightUsed: 60, notes: 'edited offline before the update' });
    expect(after.resumeSession()).toBeTruthy();
    online = true;
    after.networkChanged(true);
    await until(() => after.syncState$.value.pending, (n) => n === 0);
    const token = (await server.login('client@demo.test')).accessToken;
    const onServer = async () => (await serverDocs<SessionLog>(server.url, token, 'logs')).find((l) => l.id === logId)!;
    expect((await onServer()).entries[rx.id]).toMatchObject({ notes: 'edited offline before the update', setsCompleted: 3 });

    // Sets from now on.
    const set = { position: 0, warmup: false, done: true, targetReps: rx.reps, targetWeight: rx.weight, reps: 5, load: 80, seconds: null, distanceM: null, rpe: 8 };
    await after.commands.updateLog(logId, (l) => ({ ...l!, entries: { [rx.id]: { ...l!.entries[rx.id]!, sets: { 'set-new': set } } } }));
    await until(() => after.syncState$.value.pending, (n) => n === 0);
    expect((await onServer()).entries[rx.id]!.sets).toEqual({ 'set-new': set });
    await after.close();

    // A second phone still on the old version: it syncs and holds the sets it cannot read...
    const other = await open(true, new IDBFactory(), memorySessionStore());
    await other.signIn('client@demo.test', 'spotter-demo');
    await other.awaitInSync();
    expect((await internals(other).store.get('logs', logId))!.entries[rx.id]!.sets).toEqual({ 'set-new': set });
    // ...and refuses on the device to change that log rather than drop them.
    await expect(other.commands.updateLog(logId, (l) => ({ ...l!, completedAt: new Date().toISOString() }))).rejects.toThrow(/sets/);
    expect(other.syncState$.value.pending).toBe(0);
    expect((await onServer()).entries[rx.id]!.sets).toEqual({ 'set-new': set });
    await other.close();
  });
});
