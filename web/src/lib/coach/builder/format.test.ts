import { describe, expect, it } from 'vitest';
import type { LogEntry } from '@spotter/shared';
import { describeEntry, formatDay } from './format.ts';

const base: LogEntry = {
  exerciseId: 'ex',
  setsCompleted: null,
  repsCompleted: null,
  weightUsed: null,
  weightUnit: 'kg',
  durationMinutes: null,
  completedAsPrescribed: false,
  results: '',
  notes: '',
  difficulty: null,
  prescribed: { sets: 3, reps: '10', weight: '60 kg', restSeconds: 90 },
  loggedAt: '2030-01-01T10:00:00.000Z',
};

describe('describeEntry', () => {
  it.each([
    [{}, 'logged'],
    [{ setsCompleted: 3, repsCompleted: 10, weightUsed: 60 }, '3 × 10 @ 60 kg'],
    [{ setsCompleted: 3, repsCompleted: null }, '3 × ?'],
    [{ durationMinutes: 25, weightUnit: 'lb' }, '25 min'],
    [{ setsCompleted: 3, repsCompleted: 8, completedAsPrescribed: true, difficulty: 4 }, '3 × 8, as prescribed, difficulty 4/5'],
    [{ results: 'felt strong', notes: 'knee ok' }, 'logged — felt strong; knee ok'],
  ] as const)('%o → %s', (over, expected) => {
    expect(describeEntry({ ...base, ...over })).toBe(expected);
  });
});

describe('formatDay', () => {
  it('shows a calendar day without shifting it by the time zone', () => {
    expect(formatDay('2030-01-06')).toBe('Sun 6 Jan 2030');
  });
});
