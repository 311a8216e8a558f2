import { describe, expect, it } from 'vitest';
import type { LogEntry, LoggedSet } from '../docs/logs.ts';
import { formatRecord, newRecords, bestRecords, recordsOfEntry, type PersonalRecord } from './records.ts';

const set = (reps: number, load: number, over: Partial<LoggedSet> = {}): LoggedSet => ({
  position: 0, warmup: false, done: true, targetReps: '8', targetWeight: '', reps, load, seconds: null, distanceM: null, rpe: null, ...over,
});
const logged = (date: string, sets: LoggedSet[], over: Partial<LogEntry> = {}) => ({
  date, sessionId: `s-${date}`,
  entry: {
    exerciseId: 'squat', setsCompleted: null, repsCompleted: null, weightUsed: null, weightUnit: 'kg' as const, durationMinutes: null, completedAsPrescribed: false,
    results: '', notes: '', difficulty: null, prescribed: { sets: 3, reps: '8', weight: '', restSeconds: 90 }, loggedAt: `${date}T10:00:00.000Z`,
    sets: Object.fromEntries(sets.map((s, i) => [`x${i}`, { ...s, position: i }])), ...over,
  } as LogEntry,
});
const pick = (rs: PersonalRecord[]) => rs.map((r) => [r.kind, Math.round(r.value * 10) / 10, r.atKg]).sort();

describe('records of one entry', () => {
  it('heaviest, Epley e1RM, volume and most reps at each load; warm-ups and sets not done do not count', () => {
    const rs = recordsOfEntry(logged('2026-11-01', [set(8, 60), set(6, 65), set(10, 20, { warmup: true }), set(12, 70, { done: false })]));
    expect(pick(rs)).toEqual(pick([
      { kind: 'heaviest', value: 65, atKg: null }, { kind: 'e1rm', value: 78, atKg: null }, { kind: 'volume', value: 870, atKg: null },
      { kind: 'reps', value: 8, atKg: 60 }, { kind: 'reps', value: 6, atKg: 65 },
    ] as PersonalRecord[]));
  });
  it('a log from before sets counts as its alike sets; pounds compare in kg', () => {
    const old = logged('2026-11-01', [], { sets: {}, setsCompleted: 3, repsCompleted: 5, weightUsed: 220, weightUnit: 'lb' });
    expect(recordsOfEntry(old).find((r) => r.kind === 'heaviest')!.value).toBeCloseTo(99.79, 2);
  });
});

describe('new records on save', () => {
  const history = [logged('2026-11-01', [set(8, 60), set(8, 60)]), logged('2026-11-08', [set(5, 70)])];
  it.each<[string, ReturnType<typeof logged>, string[]]>([
    ['heavier than ever: heaviest and e1RM', logged('2026-11-15', [set(3, 75)]), ['e1rm', 'heaviest']],
    ['more reps at a load lifted before, and more volume (10 at 60 kg is no better an e1RM than 5 at 70)', logged('2026-11-15', [set(10, 60), set(9, 60)]), ['reps', 'volume']],
    ['nothing beaten', logged('2026-11-15', [set(5, 60)]), []],
    ['a new load is not a reps record', logged('2026-11-15', [set(5, 62.5)]), []],
  ])('%s', (_what, entry, kinds) => expect(newRecords(entry, history).map((r) => r.kind).sort()).toEqual(kinds));
  it('the first time at an exercise sets none', () => expect(newRecords(logged('2026-11-15', [set(5, 100)]), [])).toEqual([]));
  it('later sessions are not what it had to beat', () => expect(newRecords(logged('2026-10-01', [set(8, 61)]), history)).toEqual([]));
});

describe("bestRecords: the records list", () => {
  it('keeps the best of each, first reached', () => {
    const rs = bestRecords([logged('2026-11-01', [set(5, 70)]), logged('2026-11-08', [set(5, 70)]), logged('2026-11-15', [set(5, 65)])]);
    expect(rs.find((r) => r.kind === 'heaviest')).toMatchObject({ value: 70, date: '2026-11-01' });
  });
  it.each<[PersonalRecord, 'kg' | 'lb', string]>([
    [{ exerciseId: 'x', kind: 'heaviest', value: 65, atKg: null, date: '', sessionId: '' }, 'kg', 'Heaviest: 65 kg'],
    [{ exerciseId: 'x', kind: 'e1rm', value: 78, atKg: null, date: '', sessionId: '' }, 'kg', 'Best e1RM: 78 kg'],
    [{ exerciseId: 'x', kind: 'reps', value: 10, atKg: 60, date: '', sessionId: '' }, 'kg', 'Most reps at 60 kg: 10'],
    [{ exerciseId: 'x', kind: 'volume', value: 1000, atKg: null, date: '', sessionId: '' }, 'lb', 'Best volume: 2205 lb'],
  ])('%j in %s', (r, unit, text) => expect(formatRecord(r, unit)).toBe(text));
});
