import { describe, expect, it } from 'vitest';
import { collectionNames } from '@spotter/shared';
import type { RefusedChange } from '@spotter/web/lib/data/database.ts';
import { checkDeviceVisibility, checkRefusedStore, type DeviceState, type Refusal } from './oracle-devices.ts';
import type { View } from './server-view.ts';

/**
 * The oracle must be able to fail: a refused write missing from the refused-changes store, and
 * a former client's document left on a coach's device, are each reported.
 */
const emptyView = () => Object.fromEntries(collectionNames.map((n) => [n, []])) as unknown as View;
const coach = { id: 'coach-1', role: 'coach' as const };
const note = { id: 'note-1', kind: 'note', coachId: 'coach-1', clientId: 'client-1', title: 'Knee', body: 'm12', url: '', resourceType: '', isPrivate: true, weekOf: null, createdAt: 't0', updatedAt: 't1' };

function device(refused: RefusedChange[] = [], snapshot = emptyView()): DeviceState {
  return { name: 'coachA', viewer: coach, snapshot, refused };
}

const refusal = (attempted: Record<string, unknown>, server: Record<string, unknown>): Refusal => ({ n: 12, collection: 'notes', attempted, server, reason: 'this client is not assigned to you' });
const entry = (attempted: Record<string, unknown>): RefusedChange => ({ id: 'notes:note-1:t2', collectionName: 'notes', docId: 'note-1', reason: 'this client is not assigned to you', attempted, at: 't2' });

describe('refused-changes store invariant', () => {
  it('fails when a refused new document is not in the store (the tombstone answer left nothing on the device)', () => {
    const failures: string[] = [];
    const attempted = { ...note, _deleted: false };
    checkRefusedStore(device(), [refusal(attempted, { ...note, _deleted: true })], (m) => failures.push(m));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^refused-lost: coachA: the server refused notes\/note-1 \(op #12/);
  });

  it('holds when the store has the attempted version with the reason', () => {
    const failures: string[] = [];
    const attempted = { ...note, _deleted: false };
    const r = checkRefusedStore(device([entry(attempted)]), [refusal(attempted, { ...note, _deleted: true })], (m) => failures.push(m));
    expect(failures).toEqual([]);
    expect(r).toEqual({ expected: 1, keptAsTyped: 0 });
  });

  it('fails when the store holds another version than the one attempted', () => {
    const failures: string[] = [];
    const attempted = { ...note, body: 'm13', _deleted: false };
    checkRefusedStore(device([entry({ ...note, _deleted: false })]), [refusal(attempted, { ...note, _deleted: false })], (m) => failures.push(m));
    expect(failures[0]).toMatch(/holds other versions/);
  });

  it('needs no entry when the answer kept everything typed (a refused submit stays a draft)', () => {
    const failures: string[] = [];
    const draft = { id: 's-1', title: 'Legs', status: 'submitted', rejection: null, updatedAt: 't1' };
    const r = checkRefusedStore(device(), [refusal({ ...draft, _deleted: false }, { ...draft, status: 'draft', rejection: 'due date passed', _deleted: false })], (m) => failures.push(m));
    expect(failures).toEqual([]);
    expect(r).toEqual({ expected: 0, keptAsTyped: 1 });
  });
});

describe('device visibility invariant', () => {
  it("reports a former client's document still on the old coach's device, naming the reassignment", () => {
    const failures: string[] = [];
    const snapshot = emptyView();
    snapshot.notes.push(note);
    const rel = { clientIds: new Set<string>(), coachIds: new Set<string>() };
    checkDeviceVisibility(device([], snapshot), rel, [{ n: 7, clientId: 'client-1', from: 'coach-1', to: 'coach-2' }], (m) => failures.push(m));
    expect(failures).toEqual(['still visible: coachA holds notes/note-1 of client client-1, who was reassigned away from this coach in op #7']);
  });

  it("holds while the client is the coach's", () => {
    const failures: string[] = [];
    const snapshot = emptyView();
    snapshot.notes.push(note);
    const n = checkDeviceVisibility(device([], snapshot), { clientIds: new Set(['client-1']), coachIds: new Set<string>() }, [], (m) => failures.push(m));
    expect(failures).toEqual([]);
    expect(n).toBe(1);
  });
});
