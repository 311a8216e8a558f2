import { describe, expect, it } from 'vitest';
import type { LogEntry, LoggedSet } from '../docs/logs.ts';
import { logEntrySchema } from '../docs/logs.ts';
import { addSet, doneAsPrescribed, effectiveSets, formatSets, isAsPrescribed, kindOfEntry, lastTimeOf, orderedSets, parseSeconds, prescribedSets, setKindOf, summaryOfSets, withSetSummaries, withSets, type SetKind } from './sets.ts';

const set = (over: Partial<LoggedSet> = {}): LoggedSet => ({
  position: 0, warmup: false, done: true, targetReps: '8', targetWeight: '60 kg', reps: 8, load: 60, seconds: null, distanceM: null, rpe: null, ...over,
});
const ids = () => {
  let n = 0;
  return () => `s${++n}`;
};
const entry = (over: Partial<LogEntry> = {}): LogEntry => ({
  exerciseId: 'ex-1', setsCompleted: null, repsCompleted: null, weightUsed: null, weightUnit: 'kg', durationMinutes: null,
  completedAsPrescribed: false, results: '', notes: '', difficulty: null,
  prescribed: { sets: 3, reps: '8', weight: '60 kg', restSeconds: 90 }, loggedAt: '2026-11-12T10:00:00.000Z', ...over,
});

describe('parseSeconds', () => {
  it.each([
    ['45 s', 45], ['30 sec', 30], ['90 seconds', 90], ['1 min', 60], ['1:30', 90], ['20 min', 1200], ['8-12', null], ['AMRAP', null], ['', null],
  ])('%j → %j', (text, seconds) => expect(parseSeconds(text)).toBe(seconds));
});

describe('setKindOf: the fields follow the exercise', () => {
  it.each<[string, { type: 'strength' | 'cardio' | 'flexibility' | 'other'; pattern: 'push' | 'core' | 'cardio' | 'squat' } | undefined, string, string, SetKind]>([
    ['a barbell lift', { type: 'strength', pattern: 'squat' }, '5', '100 kg', 'load'],
    ['a %1RM lift', { type: 'strength', pattern: 'squat' }, '5', '75%', 'load'],
    ['a lift with the load left open', { type: 'strength', pattern: 'push' }, '8-12', '', 'load'],
    ['push-ups at bodyweight', { type: 'strength', pattern: 'push' }, '12', 'bodyweight', 'bodyweight'],
    ['a core move with no weight', { type: 'strength', pattern: 'core' }, '15', '', 'bodyweight'],
    ['a plank held for time', { type: 'strength', pattern: 'core' }, '45 s', '', 'timed'],
    ['a run', { type: 'cardio', pattern: 'cardio' }, '20 min', '', 'cardio'],
    ['an unknown exercise', undefined, '10', '20 kg', 'load'],
  ])('%s', (_what, exercise, reps, weight, kind) => expect(setKindOf(exercise, { reps, weight })).toBe(kind));
});

describe('prescribedSets: prefilled from the prescription, else from last time', () => {
  const last = [set({ reps: 11, load: 42.5 }), set({ reps: 9, load: 42.5 })];
  it.each<[string, SetKind, { sets: number; reps: string; weight: string }, LoggedSet[], Partial<LoggedSet>[]]>([
    ['reps at the bottom of the range, the coach\'s load', 'load', { sets: 2, reps: '8-12', weight: '60 kg' }, last, [{ reps: 8, load: 60 }, { reps: 8, load: 60 }]],
    ['an open load comes from last time, set by set', 'load', { sets: 3, reps: '8-12', weight: '' }, last, [{ load: 42.5 }, { load: 42.5 }, { load: 42.5 }]],
    ['AMRAP reps come from last time', 'load', { sets: 2, reps: 'AMRAP', weight: '60 kg' }, last, [{ reps: 11, load: 60 }, { reps: 9, load: 60 }]],
    ['a %1RM load with no history stays empty', 'load', { sets: 1, reps: '5', weight: '75%' }, [], [{ reps: 5, load: null }]],
    ['bodyweight never takes last time\'s load', 'bodyweight', { sets: 1, reps: '12', weight: 'bodyweight' }, last, [{ reps: 12, load: null }]],
    ['a plank asks for seconds only', 'timed', { sets: 2, reps: '45 s', weight: '' }, [], [{ seconds: 45, load: null, reps: null }, { seconds: 45, load: null, reps: null }]],
    ['cardio: time from the prescription, distance from last time', 'cardio', { sets: 1, reps: '20 min', weight: '' }, [set({ distanceM: 4000, seconds: 1300 })], [{ seconds: 1200, distanceM: 4000 }]],
  ])('%s', (_what, kind, rx, history, expected) => {
    const sets = orderedSets(prescribedSets(kind, rx, 'kg', history, ids())).map(([, s]) => s);
    expect(sets).toHaveLength(expected.length);
    sets.forEach((s, i) => expect(s).toMatchObject({ ...expected[i], done: false, warmup: false, position: i, targetReps: rx.reps, targetWeight: rx.weight }));
    for (const s of sets) expect(() => logEntrySchema.parse(entry({ sets: { a: s } }))).not.toThrow();
  });
});

describe('a %1RM prescription resolves from the client\'s estimated 1RM', () => {
  it.each<[string, number, number | null, 'kg' | 'lb', number | null]>([
    ['75% of 100 kg', 75, 100, 'kg', 75],
    ['72% of 100 kg, to the nearest 2.5 kg', 72, 100, 'kg', 72.5],
    ['75% of 225 lb, to the nearest 5 lb', 75, 225, 'lb', 170],
    ['no estimate yet: empty', 75, null, 'kg', null],
  ])('%s', (_what, pct, oneRepMax, units, load) => {
    const sets = orderedSets(prescribedSets('load', { sets: 2, reps: '5', weight: `${pct}%` }, units, [], ids(), oneRepMax)).map(([, s]) => s);
    expect(sets.map((s) => s.load)).toEqual([load, load]);
  });
});

describe('done as prescribed and the summary', () => {
  const rx = { sets: 3, reps: '8-12', weight: '60 kg' };
  it.each<[string, SetKind, { sets: number; reps: string; weight: string }, Record<string, LoggedSet>, boolean, Partial<LogEntry>]>([
    ['one tap on the prefilled sets', 'load', rx, doneAsPrescribed('load', prescribedSets('load', rx, 'kg', [], ids()), rx, 'kg'), true, { setsCompleted: 3, repsCompleted: 8, weightUsed: 60 }],
    ['heavier than prescribed', 'load', rx, { a: set({ load: 62.5 }), b: set({ position: 1 }), c: set({ position: 2 }) }, false, { setsCompleted: 3, repsCompleted: 8, weightUsed: 62.5 }],
    ['a set short', 'load', rx, { a: set(), b: set({ position: 1, done: false }), c: set({ position: 2 }) }, false, { setsCompleted: 2 }],
    ['a warm-up does not count', 'load', rx, { w: set({ warmup: true, load: 20 }), a: set(), b: set({ position: 1 }), c: set({ position: 2, reps: 7 }) }, false, { setsCompleted: 3, repsCompleted: 7, weightUsed: 60 }],
    ['an open load: any load counts', 'load', { sets: 1, reps: '8', weight: '' }, { a: set({ load: 17 }) }, true, { weightUsed: 17 }],
    ['a plank held for time', 'timed', { sets: 2, reps: '45 s', weight: '' }, { a: set({ reps: null, load: null, seconds: 45 }), b: set({ position: 1, reps: null, load: null, seconds: 45 }) }, true, { setsCompleted: 2, durationMinutes: 1.5, weightUsed: null }],
  ])('%s', (_what, kind, rx2, sets, asPrescribed, summary) => {
    expect(isAsPrescribed(kind, sets, rx2, 'kg')).toBe(asPrescribed);
    expect(summaryOfSets(kind, sets)).toMatchObject(summary);
    expect(withSets(entry(), kind, sets, 'kg', rx2)).toMatchObject({ ...summary, completedAsPrescribed: asPrescribed, sets });
  });

  it.each<['kg' | 'lb', boolean]>([
    ['kg', true],
    ['lb', false],
  ])('the prescribed numbers logged in %s: as prescribed %s (60 lb is not 60 kg)', (unit, expected) => {
    const sets = { a: set(), b: set({ position: 1 }), c: set({ position: 2 }) };
    expect(isAsPrescribed('load', sets, { sets: 3, reps: '8', weight: '60 kg' }, unit)).toBe(expected);
  });

  it('done as prescribed leaves warm-ups as they are and keeps values the prescription leaves open', () => {
    const open = { sets: 1, reps: 'AMRAP', weight: '60 kg' };
    const out = doneAsPrescribed('load', { w: set({ warmup: true, done: false, load: 20 }), a: set({ done: false, reps: 14, load: 50 }) }, open, 'kg');
    expect(out.w).toMatchObject({ done: false, load: 20 });
    expect(out.a).toMatchObject({ done: true, reps: 14, load: 60 });
  });
});

describe('adding sets', () => {
  it('copies the last set and goes after it; warm-ups sort first', () => {
    const rx = { sets: 1, reps: '8', weight: '60 kg' };
    let sets = addSet({ a: set({ load: 70 }) }, rx, 'b');
    sets = addSet(sets, rx, 'w', true);
    expect(orderedSets(sets).map(([id, s]) => [id, s.load, s.done])).toEqual([['w', 70, false], ['a', 70, true], ['b', 70, false]]);
  });
  it('two devices appending at the same position keep both, in id order', () => {
    const base = { a: set() };
    const rx = { sets: 1, reps: '8', weight: '60 kg' };
    const merged = { ...addSet(base, rx, 'y'), ...addSet(base, rx, 'x') };
    expect(orderedSets(merged).map(([id]) => id)).toEqual(['a', 'x', 'y']);
  });
});

describe('old logs read as sets', () => {
  it.each<[string, Partial<LogEntry>, number, Partial<LoggedSet>]>([
    ['3 × 8 @ 60 kg', { setsCompleted: 3, repsCompleted: 8, weightUsed: 60 }, 3, { reps: 8, load: 60, done: true }],
    ['a skipped exercise', { setsCompleted: 0 }, 0, {}],
    ['20 minutes of cardio', { durationMinutes: 20 }, 1, { seconds: 1200 }],
  ])('%s', (_what, legacy, n, each) => {
    const sets = effectiveSets(entry(legacy));
    expect(sets).toHaveLength(n);
    for (const s of sets) expect(s).toMatchObject(each);
  });
  it('an entry with sets reads its own', () => {
    expect(effectiveSets(entry({ setsCompleted: 9, sets: { b: set({ position: 1, reps: 6 }), a: set() } })).map((s) => s.reps)).toEqual([8, 6]);
  });
});

describe('formatSets', () => {
  it.each<[SetKind, LoggedSet[], string]>([
    ['load', [set(), set(), set()], '3 × 8 @ 60 kg'],
    ['load', [set(), set({ load: 62.5, reps: 6 })], '8 @ 60 kg, 6 @ 62.5 kg'],
    ['load', [set({ warmup: true, load: 20 }), set(), set({ done: false })], '8 @ 60 kg'],
    ['bodyweight', [set({ load: null, reps: 12 }), set({ load: null, reps: 12 })], '2 × 12'],
    ['bodyweight', [set({ load: 10 })], '8 (+10 kg)'],
    ['timed', [set({ seconds: 45 }), set({ seconds: 45 })], '2 × 45 s'],
    ['cardio', [set({ distanceM: 5000, seconds: 1500 })], '5 km in 25:00'],
    ['load', [set({ done: false })], 'no sets done'],
  ])('%s %#', (kind, sets, text) => expect(formatSets(kind, sets, 'kg')).toBe(text));
});

describe('lastTimeOf', () => {
  const h = (date: string, sessionId: string, over: Partial<LogEntry>) => ({ date, sessionId, entry: entry(over) });
  const history = [
    h('2026-11-05', 's1', { setsCompleted: 3, repsCompleted: 8, weightUsed: 57.5 }),
    h('2026-11-12', 's2', { setsCompleted: 3, repsCompleted: 8, weightUsed: 60 }),
    h('2026-11-14', 's3', { setsCompleted: 0 }),
    h('2026-11-13', 's4', { exerciseId: 'ex-2', setsCompleted: 3, repsCompleted: 5, weightUsed: 100 }),
    h('2026-11-20', 's5', { setsCompleted: 3, repsCompleted: 8, weightUsed: 65 }),
  ];
  it.each<[string, { date: string; sessionId: string }, string | null]>([
    ['the latest earlier entry with a set done', { date: '2026-11-19', sessionId: 'now' }, '2026-11-12'],
    ['never this very session', { date: '2026-11-20', sessionId: 's5' }, '2026-11-12'],
    ['nothing before the first', { date: '2026-11-01', sessionId: 'now' }, null],
  ])('%s', (_what, before, date) => expect(lastTimeOf('ex-1', history, before)?.date ?? null).toBe(date));
});

describe('a merged log: the summaries follow the merged sets', () => {
  const three = { a: set(), b: set({ position: 1 }), c: set({ position: 2 }) };
  it.each<[string, Partial<LogEntry>, Partial<LogEntry>]>([
    ['five sets merged under a summary of three', { setsCompleted: 3, completedAsPrescribed: true, sets: { ...three, d: set({ position: 3, load: 70 }), e: set({ position: 3, reps: 6 }) } }, { setsCompleted: 5, repsCompleted: 6, weightUsed: 70, completedAsPrescribed: false }],
    ['three as prescribed under a summary of two', { setsCompleted: 2, completedAsPrescribed: false, sets: three }, { setsCompleted: 3, completedAsPrescribed: true }],
    ['timed work keeps its minutes', { durationMinutes: 0.75, prescribed: { sets: 2, reps: '45 s', weight: '', restSeconds: 60 }, sets: { a: set({ reps: null, load: null, seconds: 45 }), b: set({ position: 1, reps: null, load: null, seconds: 45 }) } }, { setsCompleted: 2, durationMinutes: 1.5, completedAsPrescribed: true }],
    ['an entry without sets is left as it is', { setsCompleted: 3, repsCompleted: 8, weightUsed: 60, sets: {} }, { setsCompleted: 3, repsCompleted: 8, weightUsed: 60 }],
  ])('%s', (_what, over, expected) => {
    const log = withSetSummaries({ entries: { rx: entry(over) } });
    expect(log.entries.rx).toMatchObject(expected);
  });
  it.each<[Partial<LogEntry>, SetKind]>([
    [{ durationMinutes: null }, 'load'],
    [{ durationMinutes: 1, sets: { a: set({ seconds: 60 }) } }, 'timed'],
    [{ durationMinutes: 20, sets: { a: set({ seconds: 1200, distanceM: 4000 }) } }, 'cardio'],
  ])('kindOfEntry %j → %s', (over, kind) => expect(kindOfEntry(entry(over))).toBe(kind));
});
