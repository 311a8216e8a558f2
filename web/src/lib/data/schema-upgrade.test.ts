import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { collectionNames, SCHEMA_VERSION, type CollectionName, type Message } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Device } from './device.ts';
import { memorySessionStore } from './session-store.ts';
import { internals } from './internals.ts';
import { localCounts, serverDocs, until } from './test-device.ts';

// A device that synced (and wrote offline) under an old local schema (version 0: before
// resource views widened the message enums, and before per-field clocks) is updated to this version: everything it held is
// still there, its unsynced message uploads once, and it goes on syncing. The old version is
// the same data layer loaded with the version-0 schema (what that build shipped).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** The version-0 RxDB schema: version 0, the message enums without 'view' and 'resource', no fieldClocks. */
function versionZero(schema: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify({ ...schema, version: 0 }).replaceAll(',"view"', '').replaceAll(',"resource"', '');
  const out = JSON.parse(json);
  delete out.properties.fieldClocks;
  return out;
}

/** A fresh copy of the data layer (and RxDB): `old` loads it with the version-0 schema. */
async function loadDataLayer(old: boolean) {
  vi.resetModules();
  if (old) {
    vi.doMock('@spotter/shared', async (importOriginal) => {
      const shared = await importOriginal<typeof import('@spotter/shared')>();
      // That build wrote no per-field clocks either.
      return { ...shared, rxSchemaFor: (name: CollectionName) => versionZero(shared.rxSchemaFor(name)), stampEdit: (_before: unknown, after: unknown) => after };
    });
  } else {
    vi.doUnmock('@spotter/shared');
  }
  const [{ createDevice }, { getRxStorageDexie }] = await Promise.all([import('./device.ts'), import('rxdb/plugins/storage-dexie')]);
  return createDevice;
}

describe('a device updated to a newer local schema', () => {
  it('keeps its documents and its unsynced message, uploads it once and syncs on', async () => {
    const indexedDB = new IDBFactory();
    const sessions = memorySessionStore();
    let online = true;
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (!online) throw new TypeError('Failed to fetch (offline)');
      return globalThis.fetch(input, init);
    };
    const open = async (old: boolean): Promise<Device> => {
      const createDevice = await loadDataLayer(old);
      const { getRxStorageDexie } = await import('rxdb/plugins/storage-dexie');
      return createDevice({ baseUrl: server.url, storage: getRxStorageDexie({ indexedDB, IDBKeyRange }), name: 'spotter', fetch, sessions, retryTime: 100 });
    };

    const before = await open(true);
    expect(internals(before).db().messages.schema.version).toBe(0);
    expect(JSON.stringify(internals(before).db().messages.schema.jsonSchema)).not.toContain('"view"');
    const user = await before.signIn('client@demo.test', 'spotter-demo');
    await until(() => before.syncState$.value.initialSync, (n) => n === 1);
    const counts = await localCounts(before, collectionNames);
    expect(counts.sessions).toBeGreaterThan(0);
    online = false;
    before.networkChanged(false);
    const coachId = (await internals(before).db().assignments.find().exec())[0]!.coachId;
    const at = new Date().toISOString();
    const typed: Message = {
      id: before.commands.newId(), kind: 'message', authorId: user.id, authorRole: 'client', coachId, clientId: user.id,
      targetType: null, targetId: null, targetEntryId: null, rating: null, body: 'Written before the update', createdAt: at, updatedAt: at,
    };
    await internals(before).store.put('messages', typed);
    expect(before.syncState$.value.pending).toBe(1);
    await before.close();

    const after = await open(false);
    expect(internals(after).db().messages.schema.version).toBe(SCHEMA_VERSION);
    expect(after.resumeSession()?.id).toBe(user.id);
    expect(await localCounts(after, collectionNames)).toEqual({ ...counts, messages: counts.messages! + 1 });
    expect((await internals(after).store.get('messages', typed.id))?.body).toBe('Written before the update');
    await until(() => after.syncState$.value.pending, (n) => n === 1);

    online = true;
    after.networkChanged(true);
    await until(() => after.syncState$.value.pending, (n) => n === 0);
    const token = (await server.login('client@demo.test')).accessToken;
    const onServer = (await serverDocs<Message>(server.url, token, 'messages')).filter((m) => m.body === 'Written before the update');
    expect(onServer.map((m) => m.id)).toEqual([typed.id]);
    // The new kind is usable at once: a view is stored locally under the new schema.
    const view: Message = { ...typed, id: after.commands.newId(), kind: 'view', targetType: 'resource', targetId: 'res-x', body: '' };
    await internals(after).store.put('messages', view);
    expect((await internals(after).store.get('messages', view.id))?.kind).toBe('view');
    // And edits are stamped per field under the new schema (the old message has no clocks).
    expect((await internals(after).store.get('messages', typed.id))?.fieldClocks).toBeUndefined();
    expect(Object.keys((await internals(after).store.get('messages', view.id))?.fieldClocks ?? {})).toContain('kind');
    await after.close();
  });
});
