import { logEntry } from '@spotter/shared/fixtures.ts';
import { logEntrySchema, type LogEntry, type LoggedSet } from '@spotter/shared';
import { describe, expect, it } from 'vitest';
import { appendSet, asPrescribed, changeEntry, changeSet, draftEntry, finish, removeSet, setRows, startEntry, type SetContext } from './log-sets.ts';

const NOW = '2026-03-04T10:00:00.000Z';
function context(over: Partial<SetContext> = {}): SetContext {
  let n = 0;
  return { kind: 'load', rx: { exerciseId: 'ex-bench', sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 90 }, units: 'kg', last: [], newId: () => `set-${++n}`, now: NOW, ...over };
}
const ids = (e: LogEntry) => setRows(e).map(([id]) => id);
const valid = (e: LogEntry) => expect(logEntrySchema.parse(e)).toEqual(e);

describe('an exercise logged set by set', () => {
  it('starts with the prescribed sets, prefilled and not done: nothing counts yet', () => {
    const e = startEntry(context());
    valid(e);
    expect(setRows(e).map(([, s]) => [s.reps, s.load, s.done])).toEqual([[8, 60, false], [8, 60, false], [8, 60, false]]);
    expect(e).toMatchObject({ setsCompleted: 0, completedAsPrescribed: false, prescribed: { sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 90 } });
  });

  type Step = (ctx: SetContext, e: LogEntry) => (entry: LogEntry | null) => LogEntry;
  const first = (e: LogEntry) => ids(e)[0]!;
  it.each<[string, Step[], Partial<LogEntry>, number]>([
    ['one tap: done as prescribed', [(c) => asPrescribed(c)], { setsCompleted: 3, repsCompleted: 8, weightUsed: 60, completedAsPrescribed: true }, 3],
    ['"Save log" on the prefilled sets is as prescribed too', [(c) => finish(c)], { setsCompleted: 3, completedAsPrescribed: true }, 3],
    ['a heavier first set', [(c, e) => changeSet(c, first(e), { load: 62.5, done: true }), (c) => finish(c)], { weightUsed: 62.5, completedAsPrescribed: false }, 3],
    ['a set removed: one short', [(c, e) => removeSet(c, first(e)), (c) => finish(c)], { setsCompleted: 2, completedAsPrescribed: false }, 2],
    ['a set added: one more', [(c) => appendSet(c, 'extra'), (c) => finish(c)], { setsCompleted: 4, completedAsPrescribed: false }, 4],
    ['a warm-up added first does not count', [(c) => appendSet(c, 'warm', true), (c, e) => changeSet(c, 'warm', { load: 20 }), (c) => finish(c)], { setsCompleted: 3, weightUsed: 60, completedAsPrescribed: true }, 4],
    ['a set emptied is not done', [(c, e) => changeSet(c, first(e), { reps: null, load: null }), (c) => finish(c)], { setsCompleted: 2 }, 3],
    ['notes change only the notes', [(c) => changeEntry(c, { notes: 'felt strong' })], { notes: 'felt strong', setsCompleted: 0 }, 3],
  ])('%s', (_what, steps, expected, rows) => {
    const ctx = context();
    ctx.draft = draftEntry(null, ctx);
    let e: LogEntry | null = null;
    for (const step of steps) e = step(ctx, e ?? ctx.draft)(e);
    valid(e!);
    expect(e).toMatchObject({ ...expected, loggedAt: NOW });
    expect(ids(e!)).toHaveLength(rows);
  });

  it('the first write keeps the set ids the form showed', () => {
    const ctx = context();
    ctx.draft = draftEntry(null, ctx);
    const shown = ids(ctx.draft);
    expect(ids(changeSet(ctx, shown[1]!, { reps: 10 })(null))).toEqual(shown);
  });

  it('an edit applies to the current entry: another device’s set that arrived meanwhile stays', () => {
    const ctx = context();
    const mine = startEntry(ctx);
    const theirs: LoggedSet = { ...setRows(mine)[0]![1], position: 3, load: 70, done: true };
    const current = { ...mine, sets: { ...mine.sets, 'their-set': theirs } };
    const next = changeSet(ctx, ids(mine)[0]!, { done: true })(current);
    expect(next.sets?.['their-set']).toEqual(theirs);
    expect(next.setsCompleted).toBe(2);
  });

  it('an edit of a set another device removed does not bring it back', () => {
    const ctx = context();
    const e = startEntry(ctx);
    expect(changeSet(ctx, 'gone', { done: true })(e)).toBe(e);
  });

  it('an entry logged before sets opens as the sets its numbers describe', () => {
    const old = logEntry({ setsCompleted: 2, repsCompleted: 7, weightUsed: 55, completedAsPrescribed: false });
    const ctx = context();
    ctx.draft = draftEntry(old, ctx);
    expect(setRows(ctx.draft).map(([, s]) => [s.reps, s.load, s.done])).toEqual([[7, 55, true], [7, 55, true]]);
    const edited = changeEntry(ctx, { notes: 'again' })(old);
    expect(edited).toMatchObject({ setsCompleted: 2, repsCompleted: 7, weightUsed: 55, notes: 'again' });
    valid(edited);
  });

  it('a plank is logged in seconds and never asks for a load', () => {
    const ctx = context({ kind: 'timed', rx: { exerciseId: 'ex-plank', sets: 2, reps: '45 s', weight: '', restSeconds: 60 } });
    const e = asPrescribed(ctx)(null);
    expect(setRows(e).map(([, s]) => [s.seconds, s.load, s.reps])).toEqual([[45, null, null], [45, null, null]]);
    expect(e).toMatchObject({ setsCompleted: 2, durationMinutes: 1.5, weightUsed: null, completedAsPrescribed: true });
  });
});
