import { describe, expect, it } from 'vitest';
import type { LoggedSet, SessionLog } from './docs/logs.ts';
import { sessionLogSchema } from './docs/logs.ts';
import { logEntry, sessionLog } from './fixtures.ts';
import { formatStamp } from './hlc.ts';
import { mergeDocuments, stampEdit } from './merge.ts';

// docs/DESIGN.md "Sets": a set is keyed by its own id in its entry's `sets` record, because
// records merge key by key and lists are one value. Two of a client's devices logging the
// same exercise offline each write their own sets; the merge keeps every one of them.
const T = Date.parse('2026-03-10T10:00:00.000Z');
let n = 0;
const clockOf = (node: string) => (after: string | null) => {
  const s = formatStamp(T + ++n * 1000, 0, node);
  return after && after > s ? formatStamp(T + ++n * 100_000, 0, node) : s;
};
const set = (position: number, over: Partial<LoggedSet> = {}): LoggedSet => ({
  position, warmup: false, done: true, targetReps: '8', targetWeight: '60 kg', reps: 8, load: 60, seconds: null, distanceM: null, rpe: null, ...over,
});
const withSets = (log: SessionLog, sets: Record<string, LoggedSet>): SessionLog => ({
  ...log, entries: { ...log.entries, rx: { ...(log.entries.rx ?? logEntry()), sets } },
});

/** Both devices start from `base` (as synced), edit offline; `a` pushes first, `b` meets it as a conflict. */
function offline(base: SessionLog, editA: (l: SessionLog) => SessionLog, editB: (l: SessionLog) => SessionLog): SessionLog {
  const a = stampEdit(base, editA(base), clockOf('a'));
  const b = stampEdit(base, editB(base), clockOf('b'));
  return sessionLogSchema.parse(mergeDocuments(base, a, b));
}
const setsOf = (log: SessionLog) => log.entries.rx!.sets!;

describe('two devices logging the same exercise offline merge set by set', () => {
  const synced = stampEdit(null, withSets(sessionLog({ entries: {} }), { s0: set(0) }), clockOf('a'));

  it('each device adds a set: both are kept', () => {
    const merged = offline(synced, (l) => withSets(l, { ...setsOf(l), a1: set(1, { load: 62.5 }) }), (l) => withSets(l, { ...setsOf(l), b1: set(1, { load: 65 }) }));
    expect(Object.keys(setsOf(merged)).sort()).toEqual(['a1', 'b1', 's0']);
    expect(setsOf(merged).a1!.load).toBe(62.5);
    expect(setsOf(merged).b1!.load).toBe(65);
  });

  it('one edits a set while the other adds one: the edit and the new set are both kept', () => {
    const merged = offline(synced, (l) => withSets(l, { s0: { ...setsOf(l).s0!, reps: 6, rpe: 9 } }), (l) => withSets(l, { ...setsOf(l), b1: set(1) }));
    expect(setsOf(merged).s0).toMatchObject({ reps: 6, rpe: 9 });
    expect(setsOf(merged).b1).toBeTruthy();
  });

  it('different fields of the same set: both kept; the same field: the later edit wins', () => {
    const merged = offline(synced, (l) => withSets(l, { s0: { ...setsOf(l).s0!, reps: 7, load: 55 } }), (l) => withSets(l, { s0: { ...setsOf(l).s0!, rpe: 8, load: 57.5 } }));
    expect(setsOf(merged).s0).toMatchObject({ reps: 7, rpe: 8, load: 57.5 });
  });

  it('a set removed on one device goes, while the other device’s new set stays', () => {
    const merged = offline(synced, (l) => withSets(l, {}), (l) => withSets(l, { ...setsOf(l), b1: set(1) }));
    expect(Object.keys(setsOf(merged))).toEqual(['b1']);
  });

  it('a set removed on one device and edited later on the other: the later edit wins and keeps the set', () => {
    const removedFirst = stampEdit(synced, withSets(synced, {}), clockOf('a'));
    const editedLater = stampEdit(synced, withSets(synced, { s0: { ...setsOf(synced).s0!, reps: 5 } }), clockOf('b'));
    expect(setsOf(sessionLogSchema.parse(mergeDocuments(synced, removedFirst, editedLater))).s0).toMatchObject({ reps: 5 });
    expect(setsOf(sessionLogSchema.parse(mergeDocuments(synced, editedLater, removedFirst))).s0).toMatchObject({ reps: 5 });
    // And the other way round: a removal after the edit removes it.
    const editedFirst = stampEdit(synced, withSets(synced, { s0: { ...setsOf(synced).s0!, reps: 4 } }), clockOf('b'));
    const removedLater = stampEdit(synced, withSets(synced, {}), clockOf('a'));
    expect(setsOf(mergeDocuments(synced, editedFirst, removedLater)).s0).toBeUndefined();
    expect(setsOf(mergeDocuments(synced, removedLater, editedFirst)).s0).toBeUndefined();
  });

  it('both devices start the entry without having received it: every set of both is kept', () => {
    const empty = stampEdit(null, sessionLog({ entries: {} }), clockOf('a'));
    const merged = offline(empty, (l) => withSets(l, { a0: set(0), a1: set(1) }), (l) => withSets(l, { b0: set(0, { load: 40 }) }));
    expect(Object.keys(setsOf(merged)).sort()).toEqual(['a0', 'a1', 'b0']);
    // Even with no common ancestor at all (both devices created the log document offline).
    const a = stampEdit(null, withSets(sessionLog({ entries: {} }), { a0: set(0) }), clockOf('a'));
    const b = stampEdit(null, withSets(sessionLog({ entries: {} }), { b0: set(0) }), clockOf('b'));
    expect(Object.keys(mergeDocuments(undefined, a, b).entries.rx!.sets!).sort()).toEqual(['a0', 'b0']);
  });

  it('a list of sets would be one value: the same two appends would lose one (why sets are a record)', () => {
    type ListLog = SessionLog & { list: LoggedSet[] };
    const base = stampEdit(null, { ...sessionLog(), list: [set(0)] } as ListLog, clockOf('a'));
    const a = stampEdit(base, { ...base, list: [...base.list, set(1, { load: 62.5 })] }, clockOf('a'));
    const b = stampEdit(base, { ...base, list: [...base.list, set(1, { load: 65 })] }, clockOf('b'));
    expect(mergeDocuments(base, a, b).list).toHaveLength(2);
  });
});
