import { describe, expect, it } from 'vitest';
import { exercise, logEntry, session, sessionLog } from '../fixtures.ts';
import {
  completionPerWeek,
  convertWeight,
  difficultySeries,
  estimatedOneRepMax,
  exerciseSeries,
  performedEntries,
  personalRecords,
  roundWeight,
  tonnage,
  trainingBalance,
  weekStartOf,
  weeklyVolume,
} from './progress.ts';

const at = (day: string) => `${day}T10:00:00.000Z`;
const log = (sessionId: string, entries: Record<string, ReturnType<typeof logEntry>>, completedAt: string | null = null) =>
  sessionLog({ sessionId, entries, completedAt });

describe('convertWeight', () => {
  it.each([
    [100, 'kg', 'kg', 100],
    [100, 'lb', 'kg', 45.4],
    [60, 'kg', 'lb', 132.3],
    [135, 'lb', 'kg', 61.2],
    [0, 'kg', 'lb', 0],
  ] as const)('%d %s → %s = %d (rounded to 0.1)', (v, from, to, want) => {
    expect(roundWeight(convertWeight(v, from, to))).toBe(want);
  });
  it('round-trips exactly before rounding', () => {
    expect(convertWeight(convertWeight(72.5, 'kg', 'lb'), 'lb', 'kg')).toBeCloseTo(72.5, 10);
  });
});

describe('tonnage = sets × reps × weight', () => {
  it.each([
    [{ setsCompleted: 3, repsCompleted: 10, weightUsed: 60, weightUnit: 'kg' }, 'kg', 1800],
    [{ setsCompleted: 3, repsCompleted: 10, weightUsed: 60, weightUnit: 'kg' }, 'lb', 3968.3],
    [{ setsCompleted: 5, repsCompleted: 5, weightUsed: 225, weightUnit: 'lb' }, 'kg', 2551.5],
    [{ setsCompleted: null, repsCompleted: 10, weightUsed: 60, weightUnit: 'kg' }, 'kg', 0],
    [{ setsCompleted: 3, repsCompleted: 10, weightUsed: null, weightUnit: 'kg' }, 'kg', 0],
  ] as const)('%o in %s = %d', (entry, unit, want) => {
    expect(roundWeight(tonnage(entry, unit))).toBe(want);
  });
});

describe('estimatedOneRepMax (Epley)', () => {
  it.each([
    [100, 1, 100],
    [100, 10, 133.3],
    [60, 12, 84],
    [80, 5, 93.3],
    [0, 5, null],
    [100, 0, null],
    [null, 5, null],
  ])('%s × %s reps → %s', (w, r, want) => {
    const got = estimatedOneRepMax(w, r);
    expect(got === null ? null : roundWeight(got)).toBe(want);
  });
});

describe('weekStartOf (ISO, Monday)', () => {
  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026-03-08', '2026-03-02'],
    ['2026-03-09', '2026-03-09'],
    ['2026-01-01', '2025-12-29'],
  ])('%s → %s', (d, want) => expect(weekStartOf(d)).toBe(want));
});

const logs = [
  log('s1', { a: logEntry({ exerciseId: 'bench', setsCompleted: 3, repsCompleted: 10, weightUsed: 60, loggedAt: at('2026-03-02'), difficulty: 3 }) }),
  log('s2', {
    a: logEntry({ exerciseId: 'bench', setsCompleted: 3, repsCompleted: 8, weightUsed: 70, loggedAt: at('2026-03-05'), difficulty: 4 }),
    b: logEntry({ exerciseId: 'squat', setsCompleted: 5, repsCompleted: 5, weightUsed: 220, weightUnit: 'lb', loggedAt: at('2026-03-05'), difficulty: 5 }),
  }),
  log('s3', { a: logEntry({ exerciseId: 'bench', setsCompleted: 3, repsCompleted: 12, weightUsed: 60, loggedAt: at('2026-03-10'), difficulty: 2 }) }),
  log('s4', { a: logEntry({ exerciseId: 'row', setsCompleted: 0, repsCompleted: null, weightUsed: null, loggedAt: at('2026-03-11') }) }),
];

describe('performed entries, series and records', () => {
  const performed = performedEntries(logs, 'kg');

  it('skips entries with nothing done and sorts by time', () => {
    expect(performed.map((p) => `${p.date}:${p.exerciseId}`)).toEqual(['2026-03-02:bench', '2026-03-05:bench', '2026-03-05:squat', '2026-03-10:bench']);
  });

  it.each([
    [{ from: '2026-03-03', to: null }, 3],
    [{ from: null, to: '2026-03-05' }, 3],
    [{ from: '2026-03-06', to: '2026-03-09' }, 0],
  ])('range %o keeps %d entries', (range, n) => expect(performedEntries(logs, 'kg', range)).toHaveLength(n));

  it('exerciseSeries gives tonnage and best e1RM per day', () => {
    expect(exerciseSeries(performed, 'bench').map((p) => [p.date, p.tonnage, roundWeight(p.e1rm!)])).toEqual([
      ['2026-03-02', 1800, 80],
      ['2026-03-05', 1680, 88.7],
      ['2026-03-10', 2160, 84],
    ]);
  });

  it('personalRecords: best set by e1RM, heaviest, most tonnage; the first session is a baseline, not a PR', () => {
    const bench = personalRecords(performed).find((r) => r.exerciseId === 'bench')!;
    expect([bench.bestSet!.date, bench.heaviest!.weight, bench.mostTonnage!.date]).toEqual(['2026-03-05', 70, '2026-03-10']);
    expect(bench.prs.map((p) => p.date)).toEqual(['2026-03-05']);
  });

  it('weeklyVolume sums per ISO week in the viewer unit', () => {
    expect(weeklyVolume(performed).map((w) => [w.weekStart, roundWeight(w.tonnage)])).toEqual([
      ['2026-03-02', roundWeight(1800 + 1680 + 25 * 220 * 0.45359237)],
      ['2026-03-09', 2160],
    ]);
  });

  it('difficultySeries averages each session', () => {
    expect(difficultySeries(performed).map((d) => [d.sessionId, d.average])).toEqual([['s1', 3], ['s2', 4.5], ['s3', 2]]);
  });

  it('trainingBalance counts working sets per pattern', () => {
    const ex = [exercise({ id: 'bench', pattern: 'push' }), exercise({ id: 'squat', pattern: 'squat' }), exercise({ id: 'row', pattern: 'pull' })];
    const b = trainingBalance(performed, ex);
    expect([b.push, b.squat, b.pull, b.hinge]).toEqual([9, 5, 0, 0]);
  });
});

describe('completionPerWeek', () => {
  const today = '2026-03-11';
  const sessions = [
    session({ id: 's1', dueDate: '2026-03-02' }),
    session({ id: 's2', dueDate: '2026-03-04' }),
    session({ id: 's3', dueDate: '2026-03-09' }),
    session({ id: 's4', dueDate: '2026-03-11' }), // today, not done: not counted yet
    session({ id: 's5', dueDate: '2026-03-12' }), // future
    session({ id: 'd1', dueDate: '2026-03-03', status: 'draft' }),
  ];
  const done = [
    log('s1', {}, at('2026-03-02')),
    log('s2', {}, at('2026-03-05')), // a day late
  ];
  it.each([
    ['2026-03-02', 2, 2, 1],
    ['2026-03-09', 1, 0, 0],
  ])('week %s: due %d, completed %d, on time %d', (week, due, completed, onTime) => {
    expect(completionPerWeek(sessions, done, today).find((w) => w.weekStart === week)).toEqual({ weekStart: week, due, completed, onTime });
  });
  it('counts today once completed', () => {
    const weeks = completionPerWeek(sessions, [...done, log('s4', {}, at('2026-03-11'))], today);
    expect(weeks.at(-1)).toEqual({ weekStart: '2026-03-09', due: 2, completed: 1, onTime: 1 });
  });
});
