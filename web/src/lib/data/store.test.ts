import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { firstValueFrom } from 'rxjs';
import { HybridClock, type Role } from '@spotter/shared';
import { exercise, session, T0 } from '@spotter/shared/fixtures.ts';
import { createStore } from './store.ts';
import { openLocal } from './test-device.ts';

// The writes module on a real local database (RxDB on Dexie over fake-indexeddb), no server:
// writes are the offline case.
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function storeAs(role: Role | undefined) {
  const local = await openLocal();
  close = () => local.close();
  return { local, store: createStore(() => local.db, () => role, new HybridClock({ node: 'test' })) };
}

describe('the device store', () => {
  it('parses with the shared schema, stamps updatedAt and stores a plain copy', async () => {
    const { store } = await storeAs('coach');
    const saved = await store.put('sessions', session({ title: 'Lower A' }));
    expect(saved.updatedAt > T0).toBe(true);
    expect(await store.get('sessions', saved.id)).toEqual(saved);
    await expect(store.put('sessions', session({ id: 'ses-2', dueDate: '2026-02-31' }))).rejects.toBeInstanceOf(ZodError);
    expect(await store.get('sessions', 'ses-2')).toBeNull();
  });

  it('patches an existing document and says so when the document is not on the device', async () => {
    const { store } = await storeAs('coach');
    await store.put('sessions', session());
    expect(await store.patch('sessions', 'ses-1', { title: 'Renamed' })).toMatchObject({ title: 'Renamed', exercises: session().exercises });
    await expect(store.patch('sessions', 'nope', { title: 'x' })).rejects.toThrow('No sessions document nope on this device.');
  });

  it('soft-deletes: gone from reads, and a later put brings it back', async () => {
    const { store } = await storeAs('coach');
    await store.put('sessions', session());
    await store.softDelete('sessions', 'ses-1');
    expect(await store.get('sessions', 'ses-1')).toBeNull();
    expect(await store.all('sessions')).toEqual([]);
    await store.put('sessions', session());
    expect((await store.all('sessions')).map((s) => s.id)).toEqual(['ses-1']);
  });

  it("refuses a write to a collection the role never writes (it could never upload)", async () => {
    const { store } = await storeAs('client');
    await expect(store.put('exercises', exercise())).rejects.toThrow('A client cannot change exercises.');
    expect(await store.get('exercises', exercise().id)).toBeNull();
  });

  it('restores a refused change as the current document, or dismisses it', async () => {
    const { local, store } = await storeAs('coach');
    const attempted = { ...session({ title: 'Mine' }), _deleted: false };
    await local.db.refused.insert({ id: 'r1', collectionName: 'sessions', docId: 'ses-1', reason: 'No.', attempted, at: T0 });
    await local.db.refused.insert({ id: 'r2', collectionName: 'sessions', docId: 'ses-1', reason: 'No.', attempted, at: '2026-03-03T09:00:00.000Z' });
    expect((await firstValueFrom(store.refused$())).map((r) => r.id)).toEqual(['r2', 'r1']);
    await store.restoreRefused('r1');
    expect(await store.get('sessions', 'ses-1')).toMatchObject({ title: 'Mine' });
    await store.dismissRefused('r2');
    expect(await firstValueFrom(store.refused$())).toEqual([]);
  });
});
