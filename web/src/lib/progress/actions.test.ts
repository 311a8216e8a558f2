import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { messageShapeRefusal, ratingId, recommend, type Message, type Note, type Recommendation } from '@spotter/shared';
import { exercise, logEntry, prescription, recommendation, session, sessionLog } from '@spotter/shared/fixtures.ts';
import type { Device } from '../data/device.ts';
import { localDocs, offlineDevice } from '../data/test-device.ts';
import { approveRecommendation, deleteNote, dismissRecommendation, generateRecommendations, rateRecommendation, saveNote, type ClientHistory } from './actions.ts';
import { engineRatings, ratingOf } from './ratings.ts';

// A real device database (RxDB on Dexie over fake-indexeddb), never signed in: the coach is
// offline. One device open at a time (RxDB's per-realm collection limit).
const factory = new IDBFactory();
let device: Device | null = null;
const open = async () => (device = await offlineDevice('progress-actions', factory));
afterEach(async () => {
  await device?.close();
  device = null;
});

const owner = { coachId: 'coach-1', clientId: 'client-1' };
const recs = async (d: Device): Promise<Recommendation[]> => localDocs(d, 'recommendations');
const history = (recommendations: Recommendation[]): ClientHistory => ({
  // A late session (rule: reschedule) and a 3×12 at difficulty 2 (rule: progression).
  sessions: [
    session({ id: 'late', dueDate: '2026-03-10', exercises: [prescription({ exerciseId: 'ex-bench' })] }),
    session({ id: 'done', dueDate: '2026-03-09', exercises: [prescription({ exerciseId: 'ex-bench' })] }),
  ],
  logs: [sessionLog({ sessionId: 'done', completedAt: '2026-03-09T10:00:00.000Z', entries: { 'rx-1': logEntry({ repsCompleted: 12, difficulty: 2, loggedAt: '2026-03-09T10:00:00.000Z' }) } })],
  exercises: [exercise()],
  recommendations,
  units: 'kg',
});

describe('recommendations on a device with no connection', () => {
  it('writes pending suggestions once, then approve and dismiss change only their status', async () => {
    const d = await open();
    const first = await generateRecommendations(d.commands, owner, history([]), '2026-03-12');
    expect(first.map((r) => r.kind).sort()).toEqual(['progression', 'reschedule']);
    // Opening the review again (or on the coach's other device) adds nothing.
    expect(await generateRecommendations(d.commands, owner, history(await recs(d)), '2026-03-13')).toEqual([]);
    expect(await recs(d)).toHaveLength(2);

    const prog = first.find((r) => r.kind === 'progression')!;
    const late = first.find((r) => r.kind === 'reschedule')!;
    await approveRecommendation(d.commands, prog.id, { title: 'Bench: go to 62.5 kg', reason: prog.reason });
    await dismissRecommendation(d.commands, late.id);
    const after = await recs(d);
    expect(after.find((r) => r.id === prog.id)).toMatchObject({ status: 'approved', title: 'Bench: go to 62.5 kg', reason: prog.reason });
    expect(after.find((r) => r.id === late.id)).toMatchObject({ status: 'dismissed', title: late.title });
    // A dismissed suggestion does not come back that week.
    expect(await generateRecommendations(d.commands, owner, history(after), '2026-03-14')).toEqual([]);
  });
});

describe('ratings on a device with no connection', () => {
  const messages = async (d: Device): Promise<Message[]> => localDocs(d, 'messages');

  it('the client rates an approved recommendation, then changes the rating: one document', async () => {
    const d = await open();
    const rec = recommendation({ ...owner, status: 'approved' });
    const first = await rateRecommendation(d.commands, rec, 4, '  Made sense  ', undefined);
    expect(first).toMatchObject({ id: ratingId(rec.id), kind: 'comment', authorId: 'client-1', authorRole: 'client', targetType: 'recommendation', targetId: rec.id, rating: 4, body: 'Made sense' });
    expect(messageShapeRefusal(first)).toBeNull();
    await rateRecommendation(d.commands, rec, 2, '', ratingOf(await messages(d), rec.id));
    const all = await messages(d);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: first.id, rating: 2, body: '', createdAt: first.createdAt });
  });

  it("the engine weighs the client's ratings: progressions rated low come in at a lower priority", async () => {
    const d = await open();
    const rated = [recommendation({ id: 'old-1', ...owner, kind: 'progression', status: 'approved' }), recommendation({ id: 'old-2', ...owner, kind: 'progression', status: 'approved' })];
    for (const r of rated) await rateRecommendation(d.commands, r, 1, 'Too soon', undefined);
    const ratings = engineRatings(await messages(d), rated);
    expect(ratings).toEqual([{ kind: 'progression', rating: 1 }, { kind: 'progression', rating: 1 }]);
    const h = history([]);
    const unrated = recommend({ clientId: owner.clientId, today: '2026-03-12', units: h.units, sessions: h.sessions, logs: h.logs, exercises: h.exercises });
    expect(unrated.find((r) => r.kind === 'progression')?.priority).toBe(2);
    const fresh = await generateRecommendations(d.commands, owner, { ...h, ratings }, '2026-03-12');
    expect(fresh.find((r) => r.kind === 'progression')?.priority).toBe(3);
  });
});

describe('notes on a device with no connection', () => {
  it('saves a shared note and a resource, deletes softly', async () => {
    const d = await open();
    const n = await saveNote(d.commands, owner, { kind: 'note', title: 'Form', body: 'Brace before each rep', url: '', resourceType: '', isPrivate: false, weekOf: null });
    const link = await saveNote(d.commands, owner, { kind: 'resource', title: 'Hip hinge', body: '', url: 'https://example.com/hinge', resourceType: 'video', isPrivate: true, weekOf: null });
    expect(link).toMatchObject({ isPrivate: false, url: 'https://example.com/hinge' });
    await deleteNote(d.commands, link.id);
    const left: Note[] = await localDocs(d, 'notes');
    expect(left.map((x) => [x.id, x.title, x.isPrivate])).toEqual([[n.id, 'Form', false]]);
  });
});
