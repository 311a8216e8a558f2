import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import type { TrainingSession } from '@spotter/shared';
import type { Device } from '../data/device.ts';
import { localDocs, offlineDevice } from '../data/test-device.ts';
import { newPrescription, submitSession } from './draft.ts';
import { coachWrites } from './queue.ts';

// A real device database (RxDB on Dexie over fake-indexeddb), never signed in: exactly a coach
// offline from the start. One device open at a time (RxDB's per-realm collection limit).
const factory = new IDBFactory();
let device: Device | null = null;
const open = async () => (device = await offlineDevice('coach-queue', factory));

afterEach(async () => {
  await device?.close();
  device = null;
});

const queue = async (d: Device): Promise<TrainingSession[]> =>
  (await localDocs(d, 'sessions')).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

describe('coach writes on a device with no connection', () => {
  it('adds, edits, discards and restores drafts, and they survive closing the database', async () => {
    const d = await open();
    const w = coachWrites(d.commands, 'coach-1', () => '2030-01-01');
    const a = await w.addDraft('client-1');
    const b = await w.addDraft('client-1');
    expect(a).toMatchObject({ status: 'draft', dueDate: '2030-01-01', coachId: 'coach-1', clientId: 'client-1' });

    const rx = [newPrescription({ id: 'ex-1', type: 'strength' }, d.commands.newId()), newPrescription({ id: 'ex-2', type: 'cardio' }, d.commands.newId())];
    await w.save({ ...a, title: 'Lower A', exercises: rx });
    await w.save(submitSession({ ...b, title: 'Upper A', exercises: [rx[1]!, rx[0]!].map((p) => ({ ...p, id: d.commands.newId() })) }, '2030-01-01T08:00:00.000Z'));
    const copy = await w.duplicate({ ...a, title: 'Lower A', exercises: rx });
    expect(copy).toMatchObject({ title: 'Lower A', dueDate: '2030-01-02', status: 'draft' });

    const before = await queue(d);
    await w.discard(before[0]!);
    expect((await queue(d)).map((s) => s.title)).toEqual(['Upper A', 'Lower A']);
    await w.restore(before[0]!);
    expect((await queue(d)).map((s) => s.title).sort()).toEqual(['Lower A', 'Lower A', 'Upper A']);

    await d.close();
    device = null;
    const reopened = await open();
    const after = await queue(reopened);
    expect(after).toHaveLength(3);
    expect(after.find((s) => s.id === a.id)!.exercises.map((p) => p.exerciseId)).toEqual(['ex-1', 'ex-2']);
    expect(after.find((s) => s.id === b.id)).toMatchObject({ status: 'submitted', submittedAt: '2030-01-01T08:00:00.000Z' });
    expect(after.find((s) => s.id === b.id)!.exercises.map((p) => p.exerciseId)).toEqual(['ex-2', 'ex-1']);
  });
});
