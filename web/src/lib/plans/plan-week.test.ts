import { plan, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { currentPlan, mondayOf, planWeek } from './plan-week.ts';

describe('mondayOf', () => {
  it.each([
    ['2026-03-02', '2026-03-02'], // a Monday
    ['2026-03-08', '2026-03-02'], // Sunday belongs to the week before
    ['2026-03-04', '2026-03-02'],
  ])('%s → %s', (d, m) => expect(mondayOf(d)).toBe(m));
});

describe('planWeek', () => {
  const p = plan({ id: 'plan-1', status: 'active', startDate: '2026-03-02' });
  const mon = session({ id: 's-mon', dueDate: '2026-03-02', planId: 'plan-1' });
  const fri = session({ id: 's-fri', dueDate: '2026-03-06', planId: 'plan-1' });
  const other = session({ id: 's-other', dueDate: '2026-03-04', planId: null });
  const week = planWeek(p, [mon, fri, other], [sessionLog({ sessionId: 's-mon', completedAt: '2026-03-02T18:00:00.000Z' })], '2026-03-04');

  it('marks the done days and links each to its session', () => {
    expect(week.map((d) => [d.day, d.date, d.session?.id ?? null, d.done, d.isToday])).toEqual([
      ['Monday', '2026-03-02', 's-mon', true, false],
      ['Tuesday', '2026-03-03', null, false, false],
      ['Wednesday', '2026-03-04', null, false, true],
      ['Thursday', '2026-03-05', null, false, false],
      ['Friday', '2026-03-06', 's-fri', false, false],
      ['Saturday', '2026-03-07', null, false, false],
      ['Sunday', '2026-03-08', null, false, false],
    ]);
  });

  it("carries each day's planned exercises", () => {
    expect(week.map((d) => d.planned.length)).toEqual([1, 0, 0, 0, 1, 0, 0]);
  });
});

describe('currentPlan', () => {
  it.each([
    ['the active plan wins', [plan({ id: 'a', status: 'completed', updatedAt: '2026-03-09T00:00:00.000Z' }), plan({ id: 'b', status: 'active' })], 'b'],
    ['else the latest non-draft', [plan({ id: 'a', status: 'archived' }), plan({ id: 'c', status: 'completed', updatedAt: '2026-04-01T00:00:00.000Z' })], 'c'],
    ['drafts are never shown', [plan({ id: 'd', status: 'draft' })], null],
  ] as const)('%s', (_n, plans, id) => expect(currentPlan(plans)?.id ?? null).toBe(id));
});
