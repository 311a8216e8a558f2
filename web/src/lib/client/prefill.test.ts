import { prescription } from '@spotter/shared/fixtures.ts';
import { logEntrySchema } from '@spotter/shared';
import { describe, expect, it } from 'vitest';
import { prefillDuration, prefillEntry, prefillReps, prefillWeight } from './prefill.ts';

const NOW = '2026-03-04T10:00:00.000Z';

describe('prefill from the prescription', () => {
  it.each([
    ['10', 10],
    ['8-12', 8],
    ['8–12', 8],
    ['AMRAP', null],
    ['10 each side', 10],
    ['20 min', null],
  ])('reps %s → %s', (reps, expected) => expect(prefillReps(reps)).toBe(expected));

  it.each([
    ['20 min', 20],
    ['12.5 min', 12.5],
    ['10', null],
  ])('duration from reps %s → %s', (reps, expected) => expect(prefillDuration(reps)).toBe(expected));

  it.each([
    ['60 kg', 'lb', { value: 60, unit: 'kg' }],
    ['135 lb', 'kg', { value: 135, unit: 'lb' }],
    ['135lbs', 'kg', { value: 135, unit: 'lb' }],
    ['62,5 kg', 'kg', { value: 62.5, unit: 'kg' }],
    ['60', 'lb', { value: 60, unit: 'lb' }],
    ['bodyweight', 'kg', { value: null, unit: 'kg' }],
    ['BW', 'lb', { value: null, unit: 'lb' }],
    ['70% 1RM', 'kg', { value: null, unit: 'kg' }],
    ['', 'kg', { value: null, unit: 'kg' }],
  ] as const)('weight %s (client uses %s) → %o', (weight, units, expected) => expect(prefillWeight(weight, units)).toEqual(expected));

  it('is a valid entry marked as prescribed, with the prescription snapshot', () => {
    const p = prescription({ sets: 4, reps: '8-12', weight: '135 lb', restSeconds: 120 });
    const entry = prefillEntry(p, 'kg', NOW);
    expect(logEntrySchema.parse(entry)).toEqual(entry);
    expect(entry).toMatchObject({
      setsCompleted: 4,
      repsCompleted: 8,
      weightUsed: 135,
      weightUnit: 'lb',
      completedAsPrescribed: true,
      difficulty: null,
      prescribed: { sets: 4, reps: '8-12', weight: '135 lb', restSeconds: 120 },
      loggedAt: NOW,
    });
  });
});
