import { describe, expect, it } from 'vitest';
import { CLIENT_ID, exercise, logEntry, prescription, session, sessionLog } from '../fixtures.ts';
import type { EngineInput, Suggestion } from './recommendations.ts';
import { adjustForRatings, recommend, recommendationId, repRange } from './recommendations.ts';

const at = (day: string) => `${day}T10:00:00.000Z`;
const exercises = [
  exercise({ id: 'bench', name: 'Bench Press', pattern: 'push' }),
  exercise({ id: 'row', name: 'Row', pattern: 'pull' }),
  exercise({ id: 'squat', name: 'Squat', pattern: 'squat' }),
];
const entry = (exerciseId: string, day: string, o: Partial<ReturnType<typeof logEntry>> = {}) =>
  logEntry({ exerciseId, loggedAt: at(day), prescribed: { sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 90 }, ...o });
const done = (id: string, day: string, entries: ReturnType<typeof logEntry>[]) => ({
  s: session({ id, dueDate: day, exercises: entries.map((e, i) => prescription({ id: `${id}-${i}`, exerciseId: e.exerciseId })) }),
  l: sessionLog({ sessionId: id, completedAt: at(day), entries: Object.fromEntries(entries.map((e, i) => [`${id}-${i}`, e])) }),
});
const input = (items: { s: ReturnType<typeof session>; l: ReturnType<typeof sessionLog> | null }[], o: Partial<EngineInput> = {}): EngineInput => ({
  clientId: CLIENT_ID,
  today: '2026-03-12',
  units: 'kg',
  sessions: items.map((i) => i.s),
  logs: items.flatMap((i) => (i.l ? [i.l] : [])),
  exercises,
  ...o,
});
const kinds = (s: Suggestion[]) => s.map((x) => `${x.kind}:${x.exerciseId ?? x.pattern ?? ''}`);

describe('repRange', () => {
  it.each([
    ['8-12', { min: 8, max: 12 }],
    ['10', { min: 10, max: 10 }],
    ['6 – 8', { min: 6, max: 8 }],
    ['AMRAP', null],
    ['12-8', null],
    ['30 s', null],
  ])('%s → %o', (reps, want) => expect(repRange(reps)).toEqual(want));
});

describe('recommend: one rule per row', () => {
  it.each([
    ['progression: 3×12 at difficulty 3', [done('a', '2026-03-10', [entry('bench', '2026-03-10', { repsCompleted: 12, difficulty: 3 })])], ['progression:bench']],
    ['no progression below the top of the range', [done('a', '2026-03-10', [entry('bench', '2026-03-10', { repsCompleted: 11, difficulty: 2 })])], []],
    ['no progression at difficulty 4', [done('a', '2026-03-10', [entry('bench', '2026-03-10', { repsCompleted: 12, difficulty: 4 })])], []],
    ['no progression with a set missing', [done('a', '2026-03-10', [entry('bench', '2026-03-10', { setsCompleted: 2, repsCompleted: 12, difficulty: 2 })])], []],
    [
      'no progression for AMRAP',
      [done('a', '2026-03-10', [entry('bench', '2026-03-10', { repsCompleted: 20, difficulty: 2, prescribed: { sets: 3, reps: 'AMRAP', weight: '', restSeconds: 60 } })])],
      [],
    ],
    [
      'deload: difficulty ≥ 4 three sessions running',
      [
        done('a', '2026-03-06', [entry('bench', '2026-03-06', { difficulty: 4 })]),
        done('b', '2026-03-08', [entry('bench', '2026-03-08', { difficulty: 5 })]),
        done('c', '2026-03-10', [entry('bench', '2026-03-10', { difficulty: 4, repsCompleted: 12 })]),
      ],
      ['deload:bench'],
    ],
    [
      'deload: two misses running',
      [
        done('a', '2026-03-08', [entry('bench', '2026-03-08', { completedAsPrescribed: false, repsCompleted: 6 })]),
        done('b', '2026-03-10', [entry('bench', '2026-03-10', { completedAsPrescribed: false, repsCompleted: 5 })]),
      ],
      ['deload:bench'],
    ],
    [
      'neglected: pull prescribed, last logged 20 days ago',
      [done('a', '2026-02-20', [entry('row', '2026-02-20')]), done('b', '2026-03-10', [entry('bench', '2026-03-10')])],
      ['neglected:pull'],
    ],
    [
      'reschedule: a session 2 days late',
      [{ s: session({ id: 'late', dueDate: '2026-03-10', exercises: [prescription({ exerciseId: 'squat' })] }), l: null }],
      ['reschedule:', 'neglected:squat'],
    ],
    ['nothing for a session due today', [{ s: session({ id: 't', dueDate: '2026-03-12' }), l: null }], []],
  ])('%s', (_, items, want) => expect(kinds(recommend(input(items)))).toEqual(want));
});

describe('recommend: reasons carry the numbers, in the viewer unit', () => {
  it('progression in lb adds 5 lb to the converted weight', () => {
    const [s] = recommend(input([done('a', '2026-03-10', [entry('bench', '2026-03-10', { repsCompleted: 12, difficulty: 2 })])], { units: 'lb' }));
    expect(s!.title).toBe('Increase Bench Press to 137.3 lb');
    expect(s!.reason).toBe('On 2026-03-10 all 3 sets reached 12 reps (top of 8-12) at 132.3 lb, difficulty 2/5: add 5 lb.');
  });
  it('deload proposes 10% less', () => {
    const items = ['06', '08', '10'].map((d) => done(`s${d}`, `2026-03-${d}`, [entry('bench', `2026-03-${d}`, { difficulty: 5, weightUsed: 100 })]));
    const [s] = recommend(input(items));
    expect([s!.title, s!.reason]).toEqual(['Deload Bench Press to 90 kg (−10%)', 'Difficulty 5, 5, 5 in the last 3 sessions (2026-03-06 to 2026-03-10).']);
  });
});

describe('adjustForRatings', () => {
  const s: Suggestion = { key: 'k', kind: 'neglected', priority: 2, pattern: 'pull', exerciseId: null, title: 't', reason: 'r' };
  it.each([
    [[], 2],
    [[{ kind: 'neglected', rating: 1 }], 2],
    [[{ kind: 'neglected', rating: 1 }, { kind: 'neglected', rating: 2 }], 3],
    [[{ kind: 'neglected', rating: 5 }, { kind: 'neglected', rating: 4 }], 1],
    [[{ kind: 'deload', rating: 1 }, { kind: 'deload', rating: 1 }], 2],
  ] as const)('%o → priority %d', (ratings, want) => expect(adjustForRatings(s, ratings).priority).toBe(want));
});

describe('recommendationId', () => {
  it.each([
    ['client-1', 'progression:bench', '2026-03-09', '2026-03-15', true],
    ['client-1', 'progression:bench', '2026-03-09', '2026-03-16', false],
    ['client-1', 'progression:bench', '2026-03-09', '2026-03-09', true],
  ])('%s %s on %s and %s: same id = %s', (c, k, d1, d2, same) => {
    expect(recommendationId(c, k, d1) === recommendationId(c, k, d2)).toBe(same);
  });
  it('fits the id rule and differs by client and key', () => {
    const id = recommendationId('0190d6a4-7a3e-7c1a-9b1e-3f2a9c8b7d6e', 'neglected:pull', '2026-03-12');
    expect(id).toMatch(/^rec-[0-9a-f]{16}$/);
    expect(id).not.toBe(recommendationId('other', 'neglected:pull', '2026-03-12'));
    expect(id).not.toBe(recommendationId('0190d6a4-7a3e-7c1a-9b1e-3f2a9c8b7d6e', 'neglected:push', '2026-03-12'));
  });
});
