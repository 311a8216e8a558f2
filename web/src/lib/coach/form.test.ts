import { describe, expect, it } from 'vitest';
import type { Prescription } from '@spotter/shared';
import { formProblems, toForm, toSessionFields, type PrescriptionForm } from './form.ts';

const saved = {
  dueDate: '2030-01-05',
  title: 'Legs',
  notes: '',
  exercises: [{ id: 'p1', exerciseId: 'squat', sets: 4, reps: '8-12', weight: '60 kg', restSeconds: 120, notes: '' }] satisfies Prescription[],
};

const withP1 = (over: Partial<PrescriptionForm>) => {
  const form = toForm(saved);
  form.exercises[0] = { ...form.exercises[0]!, ...over };
  return form;
};

describe('form round trip', () => {
  it('a saved session comes back unchanged', () => {
    expect(toSessionFields(toForm(saved), saved)).toEqual(saved);
  });
});

describe('formProblems and toSessionFields', () => {
  it.each([
    ['sets empty', { sets: '' }, 'p1.sets', { sets: 4 }],
    ['sets zero', { sets: '0' }, 'p1.sets', { sets: 4 }],
    ['sets 51', { sets: '51' }, 'p1.sets', { sets: 4 }],
    ['sets 2.5', { sets: '2.5' }, 'p1.sets', { sets: 4 }],
    ['sets 5', { sets: '5' }, null, { sets: 5 }],
    ['reps blank', { reps: '  ' }, 'p1.reps', { reps: '8-12' }],
    ['reps AMRAP', { reps: 'AMRAP' }, null, { reps: 'AMRAP' }],
    ['reps trimmed', { reps: ' 10 ' }, null, { reps: '10' }],
    ['weight free text', { weight: '70% 1RM' }, null, { weight: '70% 1RM' }],
    ['weight empty is fine', { weight: '' }, null, { weight: '' }],
    ['rest negative', { rest: '-5' }, 'p1.rest', { restSeconds: 120 }],
    ['rest 0', { rest: '0' }, null, { restSeconds: 0 }],
    ['rest 3601', { rest: '3601' }, 'p1.rest', { restSeconds: 120 }],
  ])('%s', (_name, over, problemKey, expected) => {
    const form = withP1(over);
    const problems = formProblems(form);
    expect(Object.keys(problems)).toEqual(problemKey ? [problemKey] : []);
    expect(toSessionFields(form, saved).exercises[0]).toMatchObject(expected);
  });

  it('keeps the last valid date while the date input is cleared', () => {
    const form = { ...toForm(saved), dueDate: '' };
    expect(formProblems(form)).toEqual({ dueDate: 'Pick a date.' });
    expect(toSessionFields(form, saved).dueDate).toBe('2030-01-05');
  });

  it('a new prescription with an invalid field falls back to defaults, in the form order', () => {
    const form = toForm(saved);
    form.exercises.unshift({ id: 'p2', exerciseId: 'row', sets: '', reps: '', weight: '', rest: '', notes: '' });
    const out = toSessionFields(form, saved).exercises;
    expect(out.map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(out[0]).toEqual({ id: 'p2', exerciseId: 'row', sets: 3, reps: '10', weight: '', restSeconds: 90, notes: '' });
  });
});
