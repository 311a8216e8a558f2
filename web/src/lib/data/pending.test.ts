import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createRevision, now } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { collectionNames, type CollectionName, type TrainingSession } from '@spotter/shared';
import { Echoes } from './echoes.ts';
import { openDatabase, type SpotterDatabase } from './database.ts';
import { PendingTracker } from './pending.ts';

// The pending count against a real RxDB (Dexie on fake-indexeddb). The server notifies the live
// stream before it answers a push, so its answer to a refused submit can be pulled into the
// device before the push handler sees it; RxDB then drops its own (stale) resolution write.
// Found by the coach's refused-submission browser test: "1 change waiting to upload" forever.
let db: SpotterDatabase;
let pending: PendingTracker;

beforeAll(async () => {
  const serverWins = Object.fromEntries(collectionNames.map((n) => [n, new Echoes()])) as Record<CollectionName, Echoes>;
  db = await openDatabase({ name: 'pending-test', storage: getRxStorageDexie({ indexedDB: new IDBFactory(), IDBKeyRange }), multiInstance: false, serverWins });
  pending = new PendingTracker(db);
  await pending.start(collectionNames);
});

afterAll(async () => {
  pending?.stop();
  await db?.close();
});

function session(id: string): TrainingSession {
  const at = new Date().toISOString();
  return {
    id, coachId: 'c1', clientId: 'k1', dueDate: '2030-01-01', title: 'Legs', notes: '', exercises: [],
    status: 'submitted', submittedAt: at, rejection: null, planId: null, createdAt: at, updatedAt: at,
  };
}

/** Writes the server's state the way RxDB's downstream does (its context, straight to storage). */
async function pull(doc: Record<string, unknown>): Promise<void> {
  const [previous] = await db.sessions.storageInstance.findDocumentsById([String(doc.id)], true);
  const document = { ...doc, _deleted: false, _attachments: {}, _meta: { lwt: now() }, _rev: '' } as any;
  document._rev = createRevision(db.token, previous as any);
  const res = await db.sessions.storageInstance.bulkWrite([{ previous: previous as any, document }], 'replication-downstream-test');
  expect(res.error).toEqual([]);
}

const waitFor = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 10));
};

describe('a refused submit answered through the stream first', () => {
  it('clears when the answer is pulled before the push handler records it', async () => {
    const mine = session('s-stream-first');
    await db.sessions.insert(mine);
    await waitFor(() => pending.count$.value === 1);
    const answer = { ...mine, status: 'draft', rejection: 'The due date has passed.', _deleted: false };
    await pull(answer);
    expect(pending.count$.value).toBe(1); // not yet answered: a pull alone proves nothing
    await pending.acknowledge('sessions', [{ newDocumentState: { ...mine, _deleted: false } }], [answer]);
    expect(pending.count$.value).toBe(0);
  });

  it('clears when the answer is recorded first and pulled afterwards', async () => {
    const mine = session('s-push-first');
    await db.sessions.insert(mine);
    await waitFor(() => pending.count$.value === 1);
    const answer = { ...mine, status: 'draft', rejection: 'The due date has passed.', _deleted: false };
    await pending.acknowledge('sessions', [{ newDocumentState: { ...mine, _deleted: false } }], [answer]);
    expect(pending.count$.value).toBe(1);
    await pull(answer);
    await waitFor(() => pending.count$.value === 0);
  });

  it('stays pending when what was pulled is not the answer (an edit from another device)', async () => {
    const mine = session('s-other');
    await db.sessions.insert(mine);
    await waitFor(() => pending.count$.value === 1);
    const answer = { ...mine, status: 'draft', rejection: 'The due date has passed.', _deleted: false };
    await pending.acknowledge('sessions', [{ newDocumentState: { ...mine, _deleted: false } }], [answer]);
    await pull({ ...answer, title: 'Edited elsewhere' });
    await new Promise((r) => setTimeout(r, 50));
    expect(pending.count$.value).toBe(1);
  });
});
