import { plan, prescription } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { activate, activationRefusal, newPlan, setDayExercises, toggleDay, trainingDays } from './plan-edit.ts';

describe('toggleDay', () => {
  it('adds a day in week order and removes it again', () => {
    const p = plan();
    const withWed = { ...p, days: toggleDay(p, 'Wednesday') };
    expect(withWed.days.map((d) => d.day)).toEqual(['Monday', 'Wednesday', 'Friday']);
    expect(toggleDay(withWed, 'Monday').map((d) => d.day)).toEqual(['Wednesday', 'Friday']);
  });
});

describe('trainingDays', () => {
  it('ignores days without exercises', () => {
    const p = plan();
    expect(trainingDays({ days: [...p.days, { day: 'Sunday', exercises: [] }] })).toEqual(['Monday', 'Friday']);
  });
});

describe('activationRefusal', () => {
  it.each([
    ['a complete plan', plan(), null],
    ['no title', plan({ title: ' ' }), 'Give the plan a title.'],
    ['no exercises', plan({ days: [{ day: 'Monday', exercises: [] }] }), 'Add at least one exercise to a day.'],
    ['blank reps', plan({ days: [{ day: 'Tuesday', exercises: [prescription({ reps: ' ' })] }] }), 'Every exercise on Tuesday needs reps (e.g. 10, 8-12, AMRAP).'],
  ])('%s', (_n, p, expected) => {
    expect(activationRefusal(p)).toBe(expected);
  });
});

describe('newPlan / activate', () => {
  it('starts as a 4-week draft and activates from a start date', () => {
    let n = 0;
    const p = newPlan('coach-1', 'client-1', 'asg-1', { id: () => `id-${++n}`, now: '2026-03-02T09:00:00.000Z' });
    expect(p).toMatchObject({ id: 'id-1', status: 'draft', durationWeeks: 4, days: [] });
    const days = setDayExercises({ ...p, days: toggleDay(p, 'Monday') }, 'Monday', [prescription()]);
    const a = activate({ ...p, days }, '2026-03-09', '2026-03-03T10:00:00.000Z');
    expect(a).toMatchObject({ status: 'active', startDate: '2026-03-09', updatedAt: '2026-03-03T10:00:00.000Z' });
  });
});
