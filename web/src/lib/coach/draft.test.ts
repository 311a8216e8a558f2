import { describe, expect, it } from 'vitest';
import { sessionSchema, type TrainingSession } from '@spotter/shared';
import {
  draftQueue,
  duplicateSession,
  editSession,
  localSubmitProblem,
  moveItem,
  newDraft,
  newPrescription,
  queueState,
  submitAll,
  submitSession,
} from './draft.ts';

let n = 0;
const ids = (now = '2030-01-01T10:00:00.000Z') => ({ id: () => `id-${++n}`, now });

function draftWith(exercises: number, over: Partial<TrainingSession> = {}): TrainingSession {
  const d = newDraft('coach-1', 'client-1', '2030-01-05', ids());
  const list = Array.from({ length: exercises }, (_, i) => newPrescription({ id: `ex-${i}`, type: 'strength' }, `p-${++n}`));
  return { ...d, exercises: list, ...over };
}

describe('newDraft', () => {
  it('is a valid session document, a draft, with nothing submitted', () => {
    const d = newDraft('coach-1', 'client-1', '2030-01-05', ids());
    expect(sessionSchema.parse(d)).toEqual(d);
    expect(d).toMatchObject({ status: 'draft', submittedAt: null, rejection: null, exercises: [] });
  });
});

describe('newPrescription', () => {
  it.each([
    ['strength', { sets: 3, reps: '10', restSeconds: 90 }],
    ['cardio', { sets: 1, reps: '20 min', restSeconds: 0 }],
    ['flexibility', { sets: 3, reps: '30 s', restSeconds: 30 }],
    ['other', { sets: 3, reps: '10', restSeconds: 90 }],
  ] as const)('%s starts from %o', (type, expected) => {
    expect(newPrescription({ id: 'ex', type }, 'p')).toMatchObject({ exerciseId: 'ex', weight: '', notes: '', ...expected });
  });
});

describe('moveItem', () => {
  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, 1, ['a', 'c', 'b']],
    [0, 2, ['b', 'c', 'a']],
    [0, -1, ['a', 'b', 'c']], // "Move up" on the first item
    [2, 3, ['a', 'b', 'c']], // "Move down" on the last item
    [1, 1, ['a', 'b', 'c']],
  ])('from %i to %i gives %o', (from, to, expected) => {
    expect(moveItem(['a', 'b', 'c'], from, to)).toEqual(expected);
  });
});

describe('duplicateSession', () => {
  it('copies the content to the next day with fresh ids, back to a plain draft', () => {
    const src = draftWith(2, { status: 'published', submittedAt: '2030-01-01T09:00:00.000Z', title: 'Legs', planId: 'plan-1' });
    const copy = duplicateSession(src, ids('2030-01-02T00:00:00.000Z'), '2030-01-01', src.coachId);
    expect(copy).toMatchObject({ title: 'Legs', dueDate: '2030-01-06', status: 'draft', submittedAt: null, rejection: null, planId: null });
    expect(copy.id).not.toBe(src.id);
    expect(copy.exercises.map((p) => p.exerciseId)).toEqual(src.exercises.map((p) => p.exerciseId));
    expect(copy.exercises.map((p) => p.id)).not.toContain(src.exercises[0]!.id);
    expect(sessionSchema.parse(copy)).toEqual(copy);
  });

  it('never lands in the past', () => {
    expect(duplicateSession(draftWith(1, { dueDate: '2029-01-01' }), ids(), '2030-01-01', 'coach-1').dueDate).toBe('2030-01-01');
  });

  it("makes a previous coach's session the duplicating coach's own draft", () => {
    const src = draftWith(1, { coachId: 'previous-coach', status: 'published' });
    expect(duplicateSession(src, ids(), '2030-01-01', 'new-coach')).toMatchObject({ coachId: 'new-coach', clientId: src.clientId, status: 'draft' });
  });
});

describe('submit and edit', () => {
  it.each([
    ['draft', null, 'submitted'],
    ['draft', 'The due date has passed', 'submitted'],
    ['submitted', null, 'submitted'],
    ['published', null, 'published'],
  ] as const)('submitting a %s (rejection %s) gives %s', (status, rejection, expected) => {
    const s = submitSession(draftWith(1, { status, rejection }), '2030-01-02T00:00:00.000Z');
    expect(s.status).toBe(expected);
    expect(s.rejection).toBeNull();
  });

  it.each([
    ['draft', 'why', 'draft', 'why'], // the reason stays until the coach submits again
    ['submitted', null, 'submitted', null], // a waiting submission goes out with the edit
    ['published', null, 'published', null], // an edit to a published session reaches the client
  ] as const)('editing a %s keeps status %s', (status, rejection, expStatus, expRejection) => {
    const s = editSession(draftWith(1, { status, rejection }), { title: 'New' }, '2030-01-03T00:00:00.000Z');
    expect(s).toMatchObject({ title: 'New', status: expStatus, rejection: expRejection, updatedAt: '2030-01-03T00:00:00.000Z' });
  });

  it.each([
    [{ status: 'draft', rejection: null }, 'draft'],
    [{ status: 'draft', rejection: 'past' }, 'refused'],
    [{ status: 'submitted', rejection: null }, 'waiting'],
    [{ status: 'published', rejection: null }, 'published'],
  ] as const)('%o shows as %s', (s, expected) => {
    expect(queueState(s)).toBe(expected);
  });
});

describe('localSubmitProblem', () => {
  const exists = (id: string) => id.startsWith('ex-');
  it.each([
    ['fine', draftWith(2), null],
    ['today counts', draftWith(1, { dueDate: '2030-01-01' }), null],
    ['past date', draftWith(1, { dueDate: '2029-12-31' }), 'The due date 2029-12-31 has passed; pick today or a later day.'],
    ['empty', draftWith(0), 'Add at least one exercise before submitting.'],
  ])('%s', (_name, s, expected) => {
    expect(localSubmitProblem(s, '2030-01-01', exists)).toBe(expected);
  });
});

describe('draftQueue', () => {
  it("lists one client's unpublished sessions, newest first", () => {
    const a = draftWith(0, { id: 'a', createdAt: '2030-01-01T00:00:00.000Z' });
    const b = draftWith(0, { id: 'b', createdAt: '2030-01-02T00:00:00.000Z', status: 'submitted' });
    const c = draftWith(0, { id: 'c', status: 'published' });
    const d = draftWith(0, { id: 'd', clientId: 'other' });
    expect(draftQueue([a, b, c, d], 'client-1').map((s) => s.id)).toEqual(['b', 'a']);
  });
});

describe('submitAll', () => {
  it('submits the drafts that pass and reports the others, leaving waiting ones alone', () => {
    const good = draftWith(1, { id: 'good' });
    const empty = draftWith(0, { id: 'empty' });
    const waiting = draftWith(1, { id: 'waiting', status: 'submitted' });
    const refused = draftWith(1, { id: 'refused', rejection: 'past date' });
    const out = submitAll([good, empty, waiting, refused], '2030-01-01', () => true, '2030-01-01T12:00:00.000Z');
    expect(out.submitted.map((s) => [s.id, s.status, s.submittedAt, s.rejection])).toEqual([
      ['good', 'submitted', '2030-01-01T12:00:00.000Z', null],
      ['refused', 'submitted', '2030-01-01T12:00:00.000Z', null],
    ]);
    expect(out.problems.map((p) => [p.session.id, p.reason])).toEqual([['empty', 'Add at least one exercise before submitting.']]);
  });
});
