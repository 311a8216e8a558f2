import { describe, expect, it } from 'vitest';
import type { LoggedSet } from '../docs/logs.ts';
import { logEntry, message, note, plan, prescription, session, sessionLog, T0 } from '../fixtures.ts';
import { messageColumns, messageRow, noteColumns, noteRow, planColumns, planRows, safeText, sessionColumns, sessionRow, setColumns, setRows } from './export-rows.ts';

const set = (over: Partial<LoggedSet> = {}): LoggedSet => ({
  position: 0, warmup: false, done: true, targetReps: '8', targetWeight: '60 kg', reps: 8, load: 60, seconds: null, distanceM: null, rpe: null, ...over,
});
const names = (id: string) => ({ 'ex-bench': 'Bench press', 'ex-squat': 'Back squat' })[id] ?? '';
const byColumn = (row: readonly unknown[]) => Object.fromEntries(setColumns.map((c, i) => [c, row[i]]));

describe('setRows', () => {
  // The import reads the sets file back by these names in this order (docs/DESIGN.md "Export").
  it('keeps the column order the import reads', () => {
    expect(setColumns.join(',')).toBe('date,session_id,session_title,exercise_id,exercise_name,set_number,warmup,done,reps,load,load_unit,seconds,distance_m,rpe,target_reps,target_weight,logged_at');
  });

  it('writes one row per logged set, warm-ups first, numbered from 1, with machine-readable values', () => {
    const log = sessionLog({
      entries: {
        'rx-1': logEntry({ weightUnit: 'lb', sets: { b: set({ position: 1, load: 62.5, rpe: 8.5 }), a: set({ position: 0 }), w: set({ position: 0, warmup: true, load: 20, done: false }) } }),
      },
    });
    const rows = setRows(log, session(), names).map(byColumn);
    expect(rows.map((r) => [r.set_number, r.warmup, r.load, r.load_unit, r.rpe, r.done])).toEqual([
      [1, 'true', 20, 'lb', null, 'false'],
      [2, 'false', 60, 'lb', null, 'true'],
      [3, 'false', 62.5, 'lb', 8.5, 'true'],
    ]);
    expect(rows[0]).toMatchObject({ date: '2026-03-04', session_id: 'ses-1', session_title: 'Upper body', exercise_id: 'ex-bench', exercise_name: 'Bench press', target_reps: '8', target_weight: '60 kg', logged_at: T0 });
  });

  it.each([
    // An entry from before sets: the sets its totals stand for (what progress reads), numbered.
    ['an old entry is the sets it stands for', logEntry({ setsCompleted: 3, repsCompleted: 10, weightUsed: 60, durationMinutes: null }),
      [1, 2, 3].map((n) => ({ set_number: n, reps: 10, load: 60, load_unit: 'kg', seconds: null, done: 'true', warmup: 'false' }))],
    // Minutes become seconds so the column has one unit.
    ['an old timed entry gives seconds', logEntry({ setsCompleted: null, repsCompleted: null, weightUsed: null, durationMinutes: 1.5 }),
      [{ set_number: 1, reps: null, load: null, load_unit: null, seconds: 90 }]],
    // Totals that stand for no set still leave a row: the entry is not dropped.
    ['an old entry without a set count is one summary row', logEntry({ setsCompleted: null, repsCompleted: 10, weightUsed: 60, durationMinutes: null }),
      [{ set_number: null, reps: 10, load: 60, load_unit: 'kg', done: 'true' }]],
  ])('%s', (_name, entry, expected) => {
    const rows = setRows(sessionLog({ entries: { 'rx-1': entry } }), session(), names).map(byColumn);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => expect(row).toMatchObject(expected[i]!));
  });

  it('orders entries as the session prescribes them', () => {
    const s = session({ exercises: [prescription({ id: 'rx-b', exerciseId: 'ex-squat' }), prescription({ id: 'rx-a' })] });
    const log = sessionLog({ entries: { 'rx-a': logEntry(), 'rx-b': logEntry({ exerciseId: 'ex-squat' }) } });
    expect([...new Set(setRows(log, s, names).map((r) => r[4]))]).toEqual(['Back squat', 'Bench press']);
  });

  it('keeps a log whose session is not visible, dated by when it was logged, without a title', () => {
    const rows = setRows(sessionLog({ entries: { 'rx-1': logEntry({ loggedAt: '2026-03-05T23:30:00.000Z' }) } }), null, names).map(byColumn);
    expect(rows[0]).toMatchObject({ date: '2026-03-05', session_title: null, session_id: 'ses-1' });
  });
});

describe('safeText', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', `'+1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['-5 min run', '-5 min run'],
    ['Upper body', 'Upper body'],
  ])('%s → %s', (text, safe) => expect(safeText(text)).toBe(safe));
});

describe('the other files', () => {
  it('have a cell for every column', () => {
    expect(sessionRow(session())).toHaveLength(sessionColumns.length);
    expect(messageRow(message())).toHaveLength(messageColumns.length);
    expect(noteRow(note())).toHaveLength(noteColumns.length);
    for (const row of planRows(plan(), names)) expect(row).toHaveLength(planColumns.length);
    expect(planRows(plan({ days: [] }), names)[0]).toHaveLength(planColumns.length);
  });

  it('writes a plan as one row per prescribed exercise and day', () => {
    expect(planRows(plan(), names).map((r) => [r[7], r[9]])).toEqual([['Monday', 'Bench press'], ['Friday', 'Back squat']]);
  });

  it('writes booleans as words', () => {
    expect(noteRow(note({ isPrivate: false }))[8]).toBe('false');
  });
});
