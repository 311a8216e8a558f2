import { describe, expect, it } from 'vitest';
import type { WeightUnit } from '../docs/common.ts';
import type { LogEntry, SessionLog } from '../docs/logs.ts';
import { logEntrySchema } from '../docs/logs.ts';
import { logEntry, prescription, session, sessionLog } from '../fixtures.ts';
import { completionSummary, isDoneEntry, parseWeight, prefillEntry, prefillMinutes, prefillReps, skippedExercises, type ParsedWeight } from './logging.ts';

describe('parseWeight', () => {
  const cases: [string, WeightUnit, ParsedWeight][] = [
    ['60 kg', 'lb', { kind: 'load', value: 60, unit: 'kg' }],
    ['135 lb', 'kg', { kind: 'load', value: 135, unit: 'lb' }],
    ['135lbs', 'kg', { kind: 'load', value: 135, unit: 'lb' }],
    ['95 LBS', 'kg', { kind: 'load', value: 95, unit: 'lb' }],
    ['62.5kg', 'lb', { kind: 'load', value: 62.5, unit: 'kg' }],
    ['62,5 kg', 'lb', { kind: 'load', value: 62.5, unit: 'kg' }],
    ['40 pounds', 'kg', { kind: 'load', value: 40, unit: 'lb' }],
    ['20 kgs.', 'lb', { kind: 'load', value: 20, unit: 'kg' }],
    ['100', 'lb', { kind: 'load', value: 100, unit: 'lb' }],
    ['bodyweight', 'kg', { kind: 'bodyweight' }],
    ['Body weight', 'kg', { kind: 'bodyweight' }],
    ['BW', 'kg', { kind: 'bodyweight' }],
    ['70% 1RM', 'kg', { kind: 'percent', percent: 70 }],
    ['60% of max', 'kg', { kind: 'percent', percent: 60 }],
    ['', 'kg', { kind: 'none' }],
    ['   ', 'kg', { kind: 'none' }],
    ['light', 'kg', { kind: 'other' }],
    ['20 stone', 'kg', { kind: 'other' }],
  ];
  it.each(cases)('%j (reader in %s)', (text, units, expected) => expect(parseWeight(text, units)).toEqual(expected));
});

describe('prefillReps', () => {
  it.each([
    ['10', 10],
    ['8-12', 8],
    ['8 – 12', 8],
    ['AMRAP', null],
    ['30 s', null],
    ['12-8', null],
  ] as const)('%j -> %s', (reps, expected) => expect(prefillReps(reps)).toBe(expected));
});

describe('prefillMinutes', () => {
  it.each([
    ['20 min', 20],
    ['45 minutes', 45],
    ['12,5 mins', 12.5],
    ['10', null],
    ['30 s', null],
    ['AMRAP', null],
  ] as const)('%j -> %s', (reps, expected) => expect(prefillMinutes(reps)).toBe(expected));
});

describe('prefillEntry', () => {
  const at = '2026-03-10T10:00:00.000Z';
  const cases: [string, Parameters<typeof prescription>[0], WeightUnit, Partial<LogEntry>][] = [
    ['a load in the coach unit', { weight: '135 lb', reps: '8-12', sets: 4 }, 'kg', { setsCompleted: 4, repsCompleted: 8, weightUsed: 135, weightUnit: 'lb' }],
    ['a bare number in the client unit', { weight: '60', reps: '10' }, 'kg', { repsCompleted: 10, weightUsed: 60, weightUnit: 'kg' }],
    ['bodyweight has no load', { weight: 'bodyweight', reps: '12' }, 'lb', { repsCompleted: 12, weightUsed: null, weightUnit: 'lb' }],
    ['%1RM has no load', { weight: '70% 1RM', reps: '5' }, 'kg', { weightUsed: null, weightUnit: 'kg' }],
    ['AMRAP leaves reps to the client', { weight: '', reps: 'AMRAP' }, 'kg', { repsCompleted: null, weightUsed: null }],
    ['cardio time becomes the duration', { weight: '', reps: '20 min', sets: 1 }, 'kg', { setsCompleted: 1, repsCompleted: null, durationMinutes: 20 }],
  ];
  it.each(cases)('%s', (_why, rx, units, expected) => {
    const p = prescription(rx);
    const entry = prefillEntry(p, units, at);
    expect(entry).toMatchObject({ ...expected, exerciseId: p.exerciseId, completedAsPrescribed: true, difficulty: null, loggedAt: at });
    expect(entry.prescribed).toEqual({ sets: p.sets, reps: p.reps, weight: p.weight, restSeconds: p.restSeconds });
    expect(logEntrySchema.parse(entry)).toEqual(entry);
  });
});

describe('skipped exercises and the completion summary', () => {
  const s = session({ exercises: [prescription({ id: 'a' }), prescription({ id: 'b' }), prescription({ id: 'c' })] });
  const skipped = logEntry({ completedAsPrescribed: false, setsCompleted: 0, repsCompleted: null, weightUsed: null });
  const cases: [string, SessionLog | null, string[], { logged: number; skipped: number; total: number }][] = [
    ['no log: all skipped', null, ['a', 'b', 'c'], { logged: 0, skipped: 3, total: 3 }],
    ['all as prescribed', sessionLog({ entries: { a: logEntry(), b: logEntry(), c: logEntry() } }), [], { logged: 3, skipped: 0, total: 3 }],
    ['one missing, one saved with 0 sets', sessionLog({ entries: { a: logEntry(), c: skipped } }), ['b', 'c'], { logged: 1, skipped: 2, total: 3 }],
    ['cardio minutes count', sessionLog({ entries: { a: logEntry({ completedAsPrescribed: false, setsCompleted: null, durationMinutes: 20 }), b: logEntry(), c: logEntry() } }), [], { logged: 3, skipped: 0, total: 3 }],
    ['fewer sets than prescribed still counts as done', sessionLog({ entries: { a: logEntry({ completedAsPrescribed: false, setsCompleted: 1 }), b: logEntry(), c: logEntry() } }), [], { logged: 3, skipped: 0, total: 3 }],
    ['an entry for a removed prescription is not counted', sessionLog({ entries: { a: logEntry(), gone: logEntry() } }), ['b', 'c'], { logged: 1, skipped: 2, total: 3 }],
  ];
  it.each(cases)('%s', (_why, log, skippedIds, summary) => {
    expect(skippedExercises(s, log).map((p) => p.id)).toEqual(skippedIds);
    expect(completionSummary(s, log)).toEqual(summary);
  });

  it('an empty session has nothing to skip', () => {
    expect(completionSummary(session({ exercises: [] }), null)).toEqual({ logged: 0, skipped: 0, total: 0 });
    expect(isDoneEntry(undefined)).toBe(false);
  });
});
