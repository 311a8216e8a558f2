import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionLog } from './docs/logs.ts';
import type { Plan } from './docs/plans.ts';
import type { TrainingSession } from './docs/sessions.ts';
import { logEntry, plan, prescription, session, sessionLog } from './fixtures.ts';
import { formatStamp, hlcPattern } from './hlc.ts';
import { changedPaths, DERIVED_STAMP, mergeDocuments, stampDerived, stampEdit, type FieldClocks } from './merge.ts';

// The per-field rule (docs/DESIGN.md "The last edit of each field wins"): for each field, the last edit OF THAT FIELD wins,
// whatever else changed later. Stamps: s(n) is the n-th edit in real time; a and b are two
// devices of one user.
const T = Date.parse('2026-03-10T10:00:00.000Z');
const s = (n: number, node = 'a') => formatStamp(T + n * 1000, 0, node);
const U1 = '2026-03-10T10:00:01.000Z';
const U9 = '2026-03-10T10:00:09.000Z';

type Row<D> = [string, D, D, D, Partial<D>];

describe('per-field clocks: every field kind, the last edit of that field wins', () => {
  const base = session({ title: 'Upper', notes: 'easy', updatedAt: U1, fieldClocks: { title: s(1), notes: s(1) } });
  const sessions: Row<TrainingSession>[] = [
    // The reported loss: the server's notes are the later edit of the notes, though the
    // device's document (its title) changed later still.
    ['text: a later edit of the field wins over a later edit of the document', base,
      { ...base, notes: 'server notes', updatedAt: s(5).slice(0, 24), fieldClocks: { ...base.fieldClocks, notes: s(5, 'b') } },
      { ...base, notes: 'stale local notes', title: 'Local title', updatedAt: U9, fieldClocks: { title: s(9), notes: s(3) } },
      { notes: 'server notes', title: 'Local title', fieldClocks: { title: s(9), notes: s(5, 'b') } }],
    ['text: the later local edit wins', base,
      { ...base, title: 'Server', fieldClocks: { ...base.fieldClocks, title: s(2, 'b') } },
      { ...base, title: 'Local', fieldClocks: { ...base.fieldClocks, title: s(4) } },
      { title: 'Local' }],
    ['text: an edit back to the old value is still the last edit', base,
      { ...base, title: 'Server', fieldClocks: { ...base.fieldClocks, title: s(2, 'b') } },
      { ...base, title: 'Upper', fieldClocks: { ...base.fieldClocks, title: s(4) } },
      { title: 'Upper' }],
    ['list (prescriptions): one value, the later edit wins whole', base,
      { ...base, exercises: [prescription({ id: 'x' })], fieldClocks: { ...base.fieldClocks, exercises: s(6, 'b') } },
      { ...base, exercises: [prescription({ id: 'y' }), prescription({ id: 'z' })], fieldClocks: { ...base.fieldClocks, exercises: s(4) } },
      { exercises: [prescription({ id: 'x' })] }],
    ['nullable: clearing a field is an edit too', base,
      { ...base, rejection: 'old reason', fieldClocks: { ...base.fieldClocks, rejection: s(2, 'b') } },
      { ...base, rejection: null, fieldClocks: { ...base.fieldClocks, rejection: s(3) } },
      { rejection: null }],
    ['one side without clocks (written before them): the three-way rule', base,
      { ...base, title: 'Server', fieldClocks: undefined, updatedAt: U9 },
      { ...base, notes: 'Local', fieldClocks: { ...base.fieldClocks, notes: s(4) } },
      { title: 'Server', notes: 'Local' }],
  ];
  it.each(sessions)('sessions — %s', (_why, assumed, real, local, expected) => {
    expect(mergeDocuments(assumed, real, local)).toMatchObject(expected);
  });

  const p = plan({ title: 'Block', goals: 'strength', durationWeeks: 4, startDate: null, fieldClocks: { title: s(1), goals: s(1), durationWeeks: s(1) } });
  const plans: Row<Plan>[] = [
    ['number: the later edit wins', p,
      { ...p, durationWeeks: 6, fieldClocks: { ...p.fieldClocks, durationWeeks: s(7, 'b') } },
      { ...p, durationWeeks: 8, goals: 'power', fieldClocks: { ...p.fieldClocks, durationWeeks: s(5), goals: s(8) } },
      { durationWeeks: 6, goals: 'power' }],
    ['enum and date: different fields both kept', p,
      { ...p, status: 'active', fieldClocks: { ...p.fieldClocks, status: s(2, 'b') } },
      { ...p, startDate: '2026-04-06', fieldClocks: { ...p.fieldClocks, startDate: s(3) } },
      { status: 'active', startDate: '2026-04-06' }],
    ['a change the server made without a stamp: a tie is the server\'s', p,
      { ...p, status: 'archived', fieldClocks: { ...p.fieldClocks, status: s(2) } },
      { ...p, status: 'active', title: 'Renamed', fieldClocks: { ...p.fieldClocks, status: s(2), title: s(4) } },
      { status: 'archived', title: 'Renamed' }],
  ];
  it.each(plans)('plans — %s', (_why, assumed, real, local, expected) => {
    expect(mergeDocuments(assumed, real, local)).toMatchObject(expected);
  });

  const a = logEntry({ exerciseId: 'ex-a', notes: 'n', repsCompleted: 5 });
  const log = sessionLog({ entries: { a }, updatedAt: U1, fieldClocks: { 'entries/a': s(1) } });
  const logs: Row<SessionLog>[] = [
    ['record: entries added on each device are all kept', log,
      { ...log, entries: { a, b: logEntry({ exerciseId: 'ex-b' }) }, fieldClocks: { ...log.fieldClocks, 'entries/b': s(2, 'b') } },
      { ...log, entries: { a, c: logEntry({ exerciseId: 'ex-c' }) }, fieldClocks: { ...log.fieldClocks, 'entries/c': s(3) } },
      { entries: { a, b: logEntry({ exerciseId: 'ex-b' }), c: logEntry({ exerciseId: 'ex-c' }) } }],
    ['a field inside an entry: the later edit of it wins over a later edit of another entry', log,
      { ...log, entries: { a: { ...a, notes: 'server' } }, fieldClocks: { ...log.fieldClocks, 'entries/a/notes': s(5, 'b') } },
      { ...log, entries: { a: { ...a, notes: 'stale' }, c: logEntry({ exerciseId: 'ex-c' }) }, fieldClocks: { ...log.fieldClocks, 'entries/a/notes': s(3), 'entries/c': s(9) } },
      { entries: { a: { ...a, notes: 'server' }, c: logEntry({ exerciseId: 'ex-c' }) } }],
    ['different fields of one entry are both kept', log,
      { ...log, entries: { a: { ...a, notes: 'server' } }, fieldClocks: { ...log.fieldClocks, 'entries/a/notes': s(5, 'b') } },
      { ...log, entries: { a: { ...a, repsCompleted: 9 } }, fieldClocks: { ...log.fieldClocks, 'entries/a/repsCompleted': s(3) } },
      { entries: { a: { ...a, notes: 'server', repsCompleted: 9 } } }],
    ['nested record (the prescribed snapshot): field by field', log,
      { ...log, entries: { a: { ...a, prescribed: { ...a.prescribed, sets: 5 } } }, fieldClocks: { ...log.fieldClocks, 'entries/a/prescribed/sets': s(2, 'b') } },
      { ...log, entries: { a: { ...a, prescribed: { ...a.prescribed, reps: '12' } } }, fieldClocks: { ...log.fieldClocks, 'entries/a/prescribed/reps': s(3) } },
      { entries: { a: { ...a, prescribed: { ...a.prescribed, sets: 5, reps: '12' } } } }],
  ];
  it.each(logs)('logs — %s', (_why, assumed, real, local, expected) => {
    expect(mergeDocuments(assumed, real, local)).toMatchObject(expected);
  });

  it('no assumed state: an empty (null) field of a new log is no edit, even with clocks', () => {
    const server = sessionLog({ entries: {}, completedAt: U1, fieldClocks: { completedAt: s(1, 'b') } });
    const fresh = stampEdit(null, sessionLog({ entries: { a }, completedAt: null }), () => s(5));
    expect(fresh.fieldClocks).toMatchObject({ 'entries/a': s(5) });
    expect(fresh.fieldClocks).not.toHaveProperty('completedAt');
    expect(mergeDocuments(undefined, server, fresh)).toMatchObject({ completedAt: U1, entries: { a } });
  });
});

describe('stampEdit / changedPaths', () => {
  const a = logEntry({ exerciseId: 'ex-a' });
  it.each<[string, Record<string, unknown> | null, Record<string, unknown>, string[]]>([
    ['a new document: its non-empty fields (not its id)', null, { id: 'x', title: 't', notes: '', planId: null, entries: {}, createdAt: U1 }, ['title', 'notes']],
    ['a text field', { title: 't', notes: 'n' }, { title: 'u', notes: 'n' }, ['title']],
    ['a list: whole', { exercises: [1, 2] }, { exercises: [2, 1] }, ['exercises']],
    ['a new entry: whole', { entries: {} }, { entries: { a } }, ['entries/a']],
    ['an entry field', { entries: { a } }, { entries: { a: { ...a, notes: 'x' } } }, ['entries/a/notes']],
    ['bookkeeping is no edit', { title: 't', updatedAt: U1, _rev: '1-a' }, { title: 't', updatedAt: U9, fieldClocks: { title: s(1) } }, []],
  ])('%s', (_why, before, after, paths) => {
    expect(changedPaths(before ?? {}, after)).toEqual(paths);
  });

  it('stamps later than every stamp the document carries, and replaces a parent by its children', () => {
    const before = { entries: { a }, fieldClocks: { 'entries/a': s(9, 'b') } };
    const seen: (string | null)[] = [];
    const out = stampEdit(before, { entries: { a: { ...a, notes: 'x' } } }, (after) => (seen.push(after), s(10)));
    expect(seen).toEqual([s(9, 'b')]);
    expect(out.fieldClocks).toEqual({ 'entries/a': s(9, 'b'), 'entries/a/notes': s(10) });
    const whole = stampEdit({ entries: {}, fieldClocks: { 'entries/a/notes': s(3) } }, { entries: { a } }, () => s(11));
    expect(whole.fieldClocks).toEqual({ 'entries/a': s(11) });
  });
});

// Property: two devices start from one document and edit it; each edit gets a stamp in real
// time order (the last edit is the one with the highest stamp). The merge is commutative and
// idempotent, and each field holds its last edit — the one a person expects.
describe('mergeDocuments: property', () => {
  type Edit = { device: 'a' | 'b'; field: 'title' | 'goals' | 'durationWeeks' | 'startDate' | 'days'; value: unknown } | { device: 'a' | 'b'; field: 'entry'; key: 'e1' | 'e2' | 'e3'; sub: 'notes' | 'repsCompleted'; value: unknown };
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ device: fc.constantFrom('a', 'b'), field: fc.constant('title'), value: fc.string({ minLength: 1, maxLength: 4 }) }),
    fc.record({ device: fc.constantFrom('a', 'b'), field: fc.constant('goals'), value: fc.constantFrom('', 'x', 'y') }),
    fc.record({ device: fc.constantFrom('a', 'b'), field: fc.constant('durationWeeks'), value: fc.integer({ min: 1, max: 9 }) }),
    fc.record({ device: fc.constantFrom('a', 'b'), field: fc.constant('startDate'), value: fc.constantFrom(null, '2026-04-06', '2026-05-04') }),
    fc.record({ device: fc.constantFrom('a', 'b'), field: fc.constant('days'), value: fc.constantFrom([], [{ day: 'Monday', exercises: [] }]) }),
    fc.record({ device: fc.constantFrom('a', 'b'), field: fc.constant('entry'), key: fc.constantFrom('e1', 'e2', 'e3'), sub: fc.constantFrom('notes', 'repsCompleted'), value: fc.constantFrom('p', 'q', 3, 4) }),
  ) as fc.Arbitrary<Edit>;

  type D = Record<string, any>;
  const base: D = { ...plan({ title: 'Base', goals: '', durationWeeks: 1, startDate: null }), entries: { e1: { notes: '', repsCompleted: 0 } } };
  const start = stampEdit(null, base, () => s(0, 'z'));

  function apply(doc: D, e: Edit): D {
    if (e.field !== 'entry') return { ...doc, [e.field]: e.value };
    const entry = doc.entries[e.key] ?? { notes: '', repsCompleted: null };
    return { ...doc, entries: { ...doc.entries, [e.key]: { ...entry, [e.sub]: e.value } } };
  }

  function run(edits: Edit[]) {
    let n = 1;
    const devices: Record<'a' | 'b', D> = { a: start, b: start };
    let truth: D = start;
    for (const e of edits) {
      const stamp = s(n++, e.device);
      const next = apply(devices[e.device], e);
      // Writing the value a device already shows is no edit (nothing to stamp, nothing typed).
      if (JSON.stringify(next) === JSON.stringify(devices[e.device])) continue;
      devices[e.device] = stampEdit(devices[e.device], next, () => stamp);
      truth = apply(truth, e);
    }
    return { ...devices, truth };
  }
  const values = (d: D) => {
    const { fieldClocks: _c, updatedAt: _u, ...rest } = d;
    return rest;
  };

  it('is commutative, idempotent, and keeps the last edit of each field', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const { a, b, truth } = run(edits);
        const ab = mergeDocuments(start, a, b);
        const ba = mergeDocuments(start, b, a);
        expect(ab).toEqual(ba);
        expect(mergeDocuments(start, a, a)).toEqual(a);
        expect(mergeDocuments(a, ab, ab)).toEqual(ab);
        expect(mergeDocuments(start, ab, b)).toEqual(ab); // merging again changes nothing
        expect(values(ab)).toEqual(values(truth));
      }),
      { numRuns: 500 },
    );
  });
});

// The clocks map is what it says: a type check that the fixtures can carry it.
const _clocks: FieldClocks | undefined = session().fieldClocks;
void _clocks;

describe('derived documents (DERIVED_STAMP): the other side always wins over a derivation', () => {
  // A recommendation the engine derives on two devices of a coach; B derived it again without
  // having received A's copy (no assumed state). docs/DESIGN.md "Derived documents".
  type Rec = { id: string; title: string; reason: string; status: string; createdAt: string; updatedAt: string; fieldClocks?: FieldClocks };
  const derived = stampDerived<Rec>({ id: 'rec-1', title: 'Deload the squat', reason: 'No progress.', status: 'pending', createdAt: U9, updatedAt: U9 });
  const onA = { ...derived, createdAt: U1, updatedAt: U1 };
  const rows: [string, Rec, Rec, Partial<Rec>][] = [
    ['approved and reworded on another device: kept', { ...onA, title: 'Lighter week', status: 'approved', fieldClocks: { ...onA.fieldClocks, title: s(3, 'b'), status: s(3, 'b') } }, derived,
      { title: 'Lighter week', status: 'approved', createdAt: U1 }],
    ['dismissed on another device: stays dismissed', { ...onA, status: 'dismissed', fieldClocks: { ...onA.fieldClocks, status: s(2, 'b') } }, derived, { status: 'dismissed' }],
    ['derived on both: the server\'s copy', onA, derived, { createdAt: U1 }],
    ['the server\'s copy has no clocks (written before them): the server\'s copy', { ...onA, title: 'Old wording', fieldClocks: undefined }, derived, { title: 'Old wording', createdAt: U1 }],
    ['a reason cleared on another device stays cleared', { ...onA, reason: '', fieldClocks: { ...onA.fieldClocks, reason: s(2, 'b') } }, derived, { reason: '' }],
    ['edited here after deriving: that edit is an edit like any other', { ...onA, status: 'approved', fieldClocks: { ...onA.fieldClocks, status: s(3, 'b') } },
      { ...derived, title: 'Reworded here', fieldClocks: { ...derived.fieldClocks, title: s(5) } }, { title: 'Reworded here', status: 'approved' }],
  ];
  it.each(rows)('%s', (_why, real, local, expected) => {
    expect(mergeDocuments<Rec>(undefined, real, local)).toMatchObject(expected);
  });

  it('every field of a derivation carries the stamp, which is earlier than any edit and a valid stamp', () => {
    expect(Object.keys(derived.fieldClocks!).sort()).toEqual(['reason', 'status', 'title']); // id and createdAt are never stamped (changedPaths)
    expect(new Set(Object.values(derived.fieldClocks!))).toEqual(new Set([DERIVED_STAMP]));
    expect(DERIVED_STAMP < s(-1e9) && hlcPattern.test(DERIVED_STAMP)).toBe(true);
  });
});
