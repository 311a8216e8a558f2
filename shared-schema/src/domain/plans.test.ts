import { describe, expect, it } from 'vitest';
import type { Plan, Weekday } from '../docs/plans.ts';
import { sessionSchema } from '../docs/sessions.ts';
import { logEntry, plan, prescription, session, sessionLog } from '../fixtures.ts';
import { planCompletionStats, scheduleSessions } from './plans.ts';

const NOW = '2026-03-01T12:00:00.000Z';
const newId = (key: string) => `plan-1.${key}`;
const days = (...names: Weekday[]): Plan['days'] => names.map((day, i) => ({ day, exercises: [prescription({ id: `tpl-${i}` }), prescription({ id: `tpl-${i}b`, exerciseId: 'ex-squat' })] }));

describe('scheduleSessions', () => {
  const cases: [string, Partial<Plan>, string, string[]][] = [
    ['Mon/Wed/Fri for 2 weeks from a Monday', { durationWeeks: 2, days: days('Monday', 'Wednesday', 'Friday') }, '2026-03-02', ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11', '2026-03-13']],
    ['starting on a Wednesday: each day still occurs once a week', { durationWeeks: 1, days: days('Monday', 'Wednesday', 'Friday') }, '2026-03-04', ['2026-03-04', '2026-03-06', '2026-03-09']],
    ['Sunday only, across a month end', { durationWeeks: 2, days: days('Sunday') }, '2026-03-25', ['2026-03-29', '2026-04-05']],
    ['a day without exercises is a rest day', { durationWeeks: 1, days: [{ day: 'Tuesday', exercises: [] }, ...days('Thursday')] }, '2026-03-02', ['2026-03-05']],
    ['no days: nothing to schedule', { durationWeeks: 4, days: [] }, '2026-03-02', []],
  ];
  it.each(cases)('%s', (_why, p, start, dates) => {
    expect(scheduleSessions(plan(p), start, { newId, now: NOW }).map((s) => s.dueDate)).toEqual(dates);
  });

  it('makes valid, published sessions linked to the plan, with fresh prescription ids', () => {
    const p = plan({ durationWeeks: 4, days: days('Monday', 'Thursday') });
    const sessions = scheduleSessions(p, '2026-03-02', { newId, now: NOW });
    expect(sessions).toHaveLength(8);
    for (const s of sessions) expect(sessionSchema.parse(s)).toEqual(s);
    expect(sessions[1]).toMatchObject({ id: 'plan-1.20260305', status: 'published', planId: 'plan-1', coachId: p.coachId, clientId: p.clientId, title: '4-Week Strength · Thursday' });
    expect(sessions[1].exercises.map((e) => [e.id, e.exerciseId])).toEqual([['plan-1.20260305.0', 'ex-bench'], ['plan-1.20260305.1', 'ex-squat']]);
    const allRx = sessions.flatMap((s) => s.exercises.map((e) => e.id));
    expect(new Set(allRx).size).toBe(allRx.length);
  });

  it('is deterministic given the id generator, so a retried activation changes nothing', () => {
    const p = plan({ days: days('Tuesday') });
    expect(scheduleSessions(p, '2026-03-03', { newId, now: NOW })).toEqual(scheduleSessions(p, '2026-03-03', { newId, now: NOW }));
  });

  it('can schedule drafts for a preview', () => {
    expect(scheduleSessions(plan({ days: days('Monday') }), '2026-03-02', { newId, now: NOW, status: 'draft' }).every((s) => s.status === 'draft')).toBe(true);
  });
});

describe('planCompletionStats', () => {
  const rx = (id: string) => prescription({ id });
  const s1 = session({ id: 's1', planId: 'plan-1', exercises: [rx('a'), rx('b'), rx('c')] });
  const s2 = session({ id: 's2', planId: 'plan-1', exercises: [rx('d'), rx('e'), rx('f')] });
  const other = session({ id: 'o', planId: 'plan-2', exercises: [rx('x')] });
  const draft = session({ id: 'd', planId: 'plan-1', status: 'draft', exercises: [rx('y')] });
  const sessions = [s1, s2, other, draft];
  const cases: [string, ReturnType<typeof sessionLog>[], { totalExercises: number; completedExercises: number; percentage: number }][] = [
    ['nothing logged', [], { totalExercises: 6, completedExercises: 0, percentage: 0 }],
    ['one of six: 16.67', [sessionLog({ sessionId: 's1', entries: { a: logEntry() } })], { totalExercises: 6, completedExercises: 1, percentage: 16.67 }],
    ['four of six: 66.67', [sessionLog({ sessionId: 's1', entries: { a: logEntry(), b: logEntry(), c: logEntry() } }), sessionLog({ sessionId: 's2', entries: { d: logEntry() } })], { totalExercises: 6, completedExercises: 4, percentage: 66.67 }],
    ['a skipped entry (0 sets) is not completed', [sessionLog({ sessionId: 's1', entries: { a: logEntry({ completedAsPrescribed: false, setsCompleted: 0 }) } })], { totalExercises: 6, completedExercises: 0, percentage: 0 }],
    ["other plans' logs do not count", [sessionLog({ sessionId: 'o', entries: { x: logEntry() } })], { totalExercises: 6, completedExercises: 0, percentage: 0 }],
  ];
  it.each(cases)('%s', (_why, logs, expected) => expect(planCompletionStats('plan-1', sessions, logs)).toEqual(expected));

  it('is 0, not NaN, for a plan that scheduled nothing', () => {
    expect(planCompletionStats('plan-9', sessions, [])).toEqual({ totalExercises: 0, completedExercises: 0, percentage: 0 });
  });
});
