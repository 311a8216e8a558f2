import { describe, expect, it } from 'vitest';
import type { SessionLog } from './docs/logs.ts';
import type { TrainingSession } from './docs/sessions.ts';
import { logEntry, prescription, session, sessionLog } from './fixtures.ts';
import { mergeDocuments } from './merge.ts';

const T1 = '2026-03-10T10:00:00.000Z';
const T2 = '2026-03-10T11:00:00.000Z';
const T3 = '2026-03-10T12:00:00.000Z';

describe('mergeDocuments: sessions (one coach, two devices)', () => {
  const base = session({ title: 'Upper', notes: 'easy', updatedAt: T1 });
  type Row = [string, TrainingSession | undefined, TrainingSession, TrainingSession, Partial<TrainingSession>];
  const cases: Row[] = [
    ['different fields: both kept', base, { ...base, title: 'Upper A', updatedAt: T2 }, { ...base, notes: 'go heavy', updatedAt: T3 }, { title: 'Upper A', notes: 'go heavy', updatedAt: T3 }],
    ['same field: the later local edit wins', base, { ...base, title: 'Server', updatedAt: T2 }, { ...base, title: 'Local', updatedAt: T3 }, { title: 'Local', updatedAt: T3 }],
    ['same field: the later server edit wins', base, { ...base, title: 'Server', updatedAt: T3 }, { ...base, title: 'Local', updatedAt: T2 }, { title: 'Server', updatedAt: T3 }],
    ['same field, same instant: the server wins', base, { ...base, title: 'Server', updatedAt: T2 }, { ...base, title: 'Local', updatedAt: T2 }, { title: 'Server', updatedAt: T2 }],
    ['only the server changed: server', base, { ...base, title: 'Server', updatedAt: T2 }, base, { title: 'Server', notes: 'easy', updatedAt: T2 }],
    ['both made the same change: kept once', base, { ...base, title: 'Same', updatedAt: T2 }, { ...base, title: 'Same', updatedAt: T3 }, { title: 'Same', updatedAt: T3 }],
    [
      'the prescription list is one value, never spliced (rule 2): later wins whole',
      base,
      { ...base, exercises: [prescription({ id: 'a' })], updatedAt: T2 },
      { ...base, exercises: [prescription({ id: 'b' }), prescription({ id: 'c' })], updatedAt: T3 },
      { exercises: [prescription({ id: 'b' }), prescription({ id: 'c' })] },
    ],
    ['no assumed state: later wins per field', undefined, session({ title: 'Server', notes: 'n', updatedAt: T2 }), session({ title: 'Local', notes: 'n', updatedAt: T3 }), { title: 'Local', notes: 'n' }],
  ];
  it.each(cases)('%s', (_why, assumed, real, local, expected) => {
    expect(mergeDocuments(assumed, real, local)).toMatchObject(expected);
  });
});

describe('mergeDocuments: logs (one client, two devices offline)', () => {
  const a = logEntry({ exerciseId: 'ex-a' });
  const base = sessionLog({ entries: { a }, updatedAt: T1 });
  const cases: [string, SessionLog, SessionLog, SessionLog, Partial<SessionLog>][] = [
    ['entries logged on each device are all kept', base, { ...base, entries: { a, b: logEntry({ exerciseId: 'ex-b' }) }, updatedAt: T2 }, { ...base, entries: { a, c: logEntry({ exerciseId: 'ex-c' }) }, updatedAt: T3 }, { entries: { a, b: logEntry({ exerciseId: 'ex-b' }), c: logEntry({ exerciseId: 'ex-c' }) } }],
    ['different fields of one entry are both kept', base, { ...base, entries: { a: { ...a, notes: 'felt good' } }, updatedAt: T2 }, { ...base, entries: { a: { ...a, difficulty: 4 } }, updatedAt: T3 }, { entries: { a: { ...a, notes: 'felt good', difficulty: 4 } } }],
    ['the same field of one entry: the later edit wins', base, { ...base, entries: { a: { ...a, repsCompleted: 8 } }, updatedAt: T3 }, { ...base, entries: { a: { ...a, repsCompleted: 12 } }, updatedAt: T2 }, { entries: { a: { ...a, repsCompleted: 8 } } }],
    ['completion on one device, an entry on the other', base, { ...base, completedAt: T2, updatedAt: T2 }, { ...base, entries: { a, b: logEntry({ exerciseId: 'ex-b' }) }, updatedAt: T3 }, { completedAt: T2, entries: { a, b: logEntry({ exerciseId: 'ex-b' }) } }],
  ];
  it.each(cases)('%s', (_why, assumed, real, local, expected) => {
    expect(mergeDocuments(assumed, real, local)).toMatchObject(expected);
  });

  // A device that had the session but not yet its log (a first sync after a wipe) starts a new
  // log for it: no assumed state. Its empty fields are not edits.
  const b = logEntry({ exerciseId: 'ex-b', weightUsed: null });
  const fresh = sessionLog({ entries: { b }, completedAt: null, updatedAt: T3 });
  const server = { ...base, completedAt: T2, updatedAt: T2 };
  const unknownCases: [string, SessionLog, SessionLog, Partial<SessionLog>][] = [
    ["the server's completion and entries stay, the new entry is added", server, fresh, { completedAt: T2, entries: { a, b }, updatedAt: T3 }],
    ['a value set on the device still wins when later', base, { ...fresh, completedAt: T3 }, { completedAt: T3, entries: { a, b } }],
    ['an entry on both: its empty fields keep the server values', { ...server, entries: { b: { ...b, weightUsed: 60 } } }, fresh, { entries: { b: { ...b, weightUsed: 60 } } }],
  ];
  it.each(unknownCases)('no assumed state: %s', (_why, real, local, expected) => {
    expect(mergeDocuments(undefined, real, local)).toMatchObject(expected);
  });
});

describe('mergeDocuments: the submit/answer rule', () => {
  const S1 = '2026-03-10T09:00:00.000Z';
  const S2 = '2026-03-10T10:30:00.000Z';
  const draft = session({ status: 'draft', submittedAt: S1, rejection: 'The due date has passed.', updatedAt: T1 });
  const submit = { ...draft, status: 'submitted' as const, submittedAt: S2, rejection: null, updatedAt: T2 };
  const cases: [string, TrainingSession, TrainingSession, Pick<TrainingSession, 'status' | 'rejection'>][] = [
    ['the server has not seen this submit: still submitted, old reason cleared', draft, submit, { status: 'submitted', rejection: null }],
    ['the server published this very submit', { ...draft, status: 'published', submittedAt: S2, rejection: null, updatedAt: T3 }, submit, { status: 'published', rejection: null }],
    ['the server refused this very submit: draft with its reason', { ...draft, status: 'draft', submittedAt: S2, rejection: 'Add at least one exercise before submitting.', updatedAt: T3 }, submit, { status: 'draft', rejection: 'Add at least one exercise before submitting.' }],
    ['an answer to an older submit does not answer this one', { ...draft, status: 'published', submittedAt: S1, rejection: null, updatedAt: T3 }, submit, { status: 'submitted', rejection: null }],
  ];
  it.each(cases)('%s', (_why, real, local, expected) => {
    expect(mergeDocuments(draft, real, local)).toMatchObject(expected);
  });
});
