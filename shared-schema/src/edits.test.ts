import { describe, expect, it } from 'vitest';
import type { SessionLog } from './docs/logs.ts';
import type { TrainingSession } from './docs/sessions.ts';
import { applyEdits } from './edits.ts';
import { logEntry, prescription, session, sessionLog } from './fixtures.ts';

// A form's edit goes over the document as stored now: what the form changed from what it last
// saw wins; what it did not touch keeps the stored value (another device's edit included).
describe('applyEdits(stored, base, edited)', () => {
  const base = session({ title: 'Upper', notes: '', dueDate: '2026-03-10', updatedAt: '2026-03-10T10:00:00.000Z' });
  const squat = prescription({ id: 'p1', reps: '5' });
  const rows: [string, TrainingSession, TrainingSession, Partial<TrainingSession>][] = [
    ['another device’s notes stay when the form typed only the title',
      { ...base, notes: 'From the laptop' }, { ...base, title: 'Upper A' }, { title: 'Upper A', notes: 'From the laptop' }],
    ['the form’s own change of a field wins over the stored one',
      { ...base, notes: 'From the laptop' }, { ...base, notes: 'From the phone' }, { notes: 'From the phone' }],
    ['nothing changed: the stored document as it is',
      { ...base, title: 'Renamed elsewhere' }, base, { title: 'Renamed elsewhere' }],
    ['a list is one value: the form’s prescriptions replace the stored ones',
      { ...base, exercises: [] }, { ...base, exercises: [squat] }, { exercises: [squat] }],
    ['a list the form did not touch keeps the stored one',
      { ...base, exercises: [squat] }, { ...base, dueDate: '2026-03-12' }, { exercises: [squat], dueDate: '2026-03-12' }],
    ['status set by a submit goes over',
      { ...base, notes: 'x' }, { ...base, status: 'submitted', submittedAt: '2026-03-10T10:05:00.000Z' }, { status: 'submitted', submittedAt: '2026-03-10T10:05:00.000Z', notes: 'x' }],
    ['bookkeeping is the stored one',
      { ...base, updatedAt: '2026-03-10T11:00:00.000Z' }, { ...base, title: 'T', updatedAt: '2026-03-10T10:30:00.000Z' }, { title: 'T', updatedAt: '2026-03-10T11:00:00.000Z' }],
  ];
  it.each(rows)('%s', (_, stored, edited, expected) => {
    expect(applyEdits(stored, base, edited)).toEqual({ ...stored, ...expected });
  });

  it('records merge key by key: an entry the form did not touch keeps the stored one', () => {
    const e1 = logEntry({ exerciseId: 'x1', notes: '' });
    const e2 = logEntry({ exerciseId: 'x2', notes: '' });
    const logBase = sessionLog({ entries: { e1, e2 } } as Partial<SessionLog>);
    const stored = { ...logBase, entries: { e1, e2: { ...e2, notes: 'other phone' } } };
    const edited = { ...logBase, entries: { e1: { ...e1, notes: 'this phone' }, e2 } };
    expect(applyEdits(stored, logBase, edited).entries).toEqual({ e1: { ...e1, notes: 'this phone' }, e2: { ...e2, notes: 'other phone' } });
  });

  it('does not change its arguments', () => {
    const stored = { ...base, notes: 'n' };
    const copy = structuredClone(stored);
    applyEdits(stored, base, { ...base, title: 'x' });
    expect(stored).toEqual(copy);
  });
});
