import { logEntry, prescription, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { sessionLogId, sessionLogSchema } from '@spotter/shared';
import { describe, expect, it } from 'vitest';
import { applyEdit, formatEntry, formatPrescription, prescriptionChangedSinceLogged, withCompletion, withEntry } from './log-entry.ts';
import { fieldsOf, parseNumber, patchFromFields } from './log-form.ts';
import { clock, remainingSeconds } from './rest-timer.ts';

const NOW = '2026-03-04T10:00:00.000Z';
const prefill = logEntry({ setsCompleted: 3, repsCompleted: 8, weightUsed: 60, weightUnit: 'kg', difficulty: null });

describe('applyEdit: "Completed as prescribed" follows the numbers', () => {
  it.each([
    ['a heavier weight unchecks it', { weightUsed: 62.5 }, false],
    ['fewer sets unchecks it', { setsCompleted: 2 }, false],
    ['another unit unchecks it', { weightUnit: 'lb' as const }, false],
    ['typing the prescribed number back re-checks it', { weightUsed: 60 }, true],
    ['notes do not touch it', { notes: 'felt good' }, true],
    ['an explicit choice wins over the numbers', { weightUsed: 62.5, completedAsPrescribed: true }, true],
  ])('%s', (_, patch, expected) => {
    const start = { ...prefill, weightUsed: 61 };
    const edited = applyEdit({ ...start, completedAsPrescribed: true }, patch, prefill, NOW);
    expect(edited.completedAsPrescribed).toBe(expected);
    expect(edited.loggedAt).toBe(NOW);
  });

  it('keeps the snapshot of what was prescribed when first logged', () => {
    const first = logEntry({ prescribed: { sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 90 } });
    const newerPrefill = logEntry({ prescribed: { sets: 5, reps: '5', weight: '70 kg', restSeconds: 180 } });
    expect(applyEdit(first, { notes: 'again' }, newerPrefill, NOW).prescribed).toEqual(first.prescribed);
  });
});

describe('the log document', () => {
  const s = session({ id: 'ses-9' });
  it('is created on the first entry with the derived id, and validates', () => {
    const log = withEntry(null, s, 'rx-1', logEntry(), NOW);
    expect(log.id).toBe(sessionLogId('ses-9'));
    expect(sessionLogSchema.parse(log)).toEqual(log);
    expect(log).toMatchObject({ sessionId: 'ses-9', clientId: s.clientId, coachId: s.coachId, completedAt: null });
  });
  it('keeps the other entries when one is written', () => {
    const log = withEntry(sessionLog({ sessionId: 'ses-9' }), s, 'rx-2', logEntry({ repsCompleted: 5 }), NOW);
    expect(Object.keys(log.entries).sort()).toEqual(['rx-1', 'rx-2']);
  });
  it.each([
    ['complete with nothing logged (all skipped)', null, NOW],
    ['reopen', sessionLog({ sessionId: 'ses-9', completedAt: NOW }), null],
  ])('%s', (_, start, completedAt) => {
    const log = withCompletion(start, s, completedAt, NOW);
    expect(log.completedAt).toBe(completedAt);
    expect(sessionLogSchema.parse(log)).toEqual(log);
  });
});

describe('formatting', () => {
  it.each([
    [prescription({ sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 90 }), '3 × 8-12 · 60 kg · rest 1 min 30 s'],
    [prescription({ sets: 1, reps: '20 min', weight: '', restSeconds: 0 }), '1 × 20 min'],
    [prescription({ sets: 5, reps: '5', weight: 'bodyweight', restSeconds: 45 }), '5 × 5 · bodyweight · rest 45 s'],
  ])('prescription %#', (p, text) => expect(formatPrescription(p, 'kg')).toBe(text));

  it.each([
    [prescription({ sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 0 }), 'kg', '3 × 8-12 · 60 kg'],
    [prescription({ sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 0 }), 'lb', '3 × 8-12 · 132.3 lb'],
    [prescription({ sets: 3, reps: '5', weight: '135 lb', restSeconds: 0 }), 'kg', '3 × 5 · 61.2 kg'],
    [prescription({ sets: 5, reps: '5', weight: 'bodyweight', restSeconds: 0 }), 'lb', '5 × 5 · bodyweight'],
  ] as const)('prescription %# read in %s', (p, units, text) => expect(formatPrescription(p, units)).toBe(text));

  it.each([
    [logEntry({ setsCompleted: 3, repsCompleted: 10, weightUsed: 62.5, weightUnit: 'kg' }), '3 × 10 · 62.5 kg'],
    [logEntry({ setsCompleted: null, repsCompleted: null, weightUsed: null, durationMinutes: 25 }), '25 min'],
    [logEntry({ setsCompleted: 1, repsCompleted: null, weightUsed: null, durationMinutes: 20 }), '1 set · 20 min'],
    [logEntry({ setsCompleted: 4, repsCompleted: null, weightUsed: 16, weightUnit: 'kg' }), '4 sets · 16 kg'],
    [logEntry({ setsCompleted: null, repsCompleted: 12, weightUsed: null }), '12 reps'],
    [logEntry({ setsCompleted: null, repsCompleted: null, weightUsed: null }), 'no numbers entered'],
  ])('entry %#', (e, text) => expect(formatEntry(e, 'kg')).toBe(text));

  it.each([
    [logEntry({ setsCompleted: 3, repsCompleted: 10, weightUsed: 62.5, weightUnit: 'kg' }), 'lb', '3 × 10 · 137.8 lb'],
    [logEntry({ setsCompleted: 3, repsCompleted: 5, weightUsed: 135, weightUnit: 'lb' }), 'kg', '3 × 5 · 61.2 kg'],
    [logEntry({ setsCompleted: 3, repsCompleted: 5, weightUsed: 135, weightUnit: 'lb' }), 'lb', '3 × 5 · 135 lb'],
    [logEntry({ setsCompleted: 3, repsCompleted: 5, weightUsed: 31.25, weightUnit: 'kg' }), 'kg', '3 × 5 · 31.25 kg'],
  ] as const)('entry %# read in %s', (e, units, text) => expect(formatEntry(e, units)).toBe(text));

  it.each([
    ['unchanged', prescription({ sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 90 }), false],
    ['coach raised the weight', prescription({ sets: 3, reps: '8-12', weight: '65 kg', restSeconds: 90 }), true],
    ['coach changed the rest', prescription({ sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 60 }), true],
  ])('prescription changed since logged: %s', (_, p, expected) => expect(prescriptionChangedSinceLogged(p, logEntry())).toBe(expected));
});

describe('log form fields', () => {
  it.each([
    ['', {}, { ok: true, value: null }],
    ['62.5', {}, { ok: true, value: 62.5 }],
    ['62,5', {}, { ok: true, value: 62.5 }],
    ['62.', {}, { ok: true, value: 62 }],
    ['2.5', { integer: true }, { ok: false }],
    ['-3', {}, { ok: false }],
    ['101', { integer: true, max: 100 }, { ok: false }],
  ])('parseNumber(%j)', (text, opts, expected) => expect(parseNumber(text, opts)).toEqual(expected));

  it('saves the valid fields and reports the invalid ones', () => {
    const { patch, invalid } = patchFromFields({ ...fieldsOf(logEntry()), weight: '62.5', reps: 'ten' });
    expect(invalid).toEqual(['reps']);
    expect(patch).toEqual({ setsCompleted: 3, weightUsed: 62.5, durationMinutes: null });
  });
});

describe('rest timer', () => {
  it.each([
    [0, 90, 90],
    [500, 90, 90],
    [1000, 90, 89],
    [89_500, 90, 1],
    [90_000, 90, 0],
    [300_000, 90, 0],
  ])('%i ms after start of %i s: %i s left', (elapsed, rest, left) => expect(remainingSeconds(1_000_000, rest, 1_000_000 + elapsed)).toBe(left));
  it.each([[0, '0:00'], [65, '1:05'], [600, '10:00']])('clock(%i) = %s', (s, text) => expect(clock(s)).toBe(text));
});
