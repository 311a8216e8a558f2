import { describe, expect, it } from 'vitest';
import { exercise, plan, session } from '@spotter/shared/fixtures.ts';
import { assignment } from '@spotter/shared/fixtures.ts';
import { scheduleSessions, type Plan } from '@spotter/shared';
import type { Effect } from './decision.ts';
import { decidePlan, planSessionId, type PlanFacts } from './plans.ts';
import { outcome, stored } from './test-kit.ts';

// 2026-03-02 is a Monday; the fixture plan trains on Mondays and Fridays.
const today = '2026-03-02';
const now = '2026-03-02T10:00:00.000Z';
const library = new Map([['ex-bench', stored(exercise())], ['ex-squat', stored(exercise({ id: 'ex-squat' }))]]);
const facts = (o: Partial<PlanFacts> = {}): PlanFacts => ({
  today, now, current: null, assignment: assignment(), otherActivePlans: [], sessionsOf: new Map(), exercises: library, ...o,
});
const active = (o: Partial<Plan> = {}) => plan({ status: 'active', startDate: today, ...o });
const puts = (effects: readonly Effect[] = []) => effects.map((e) => (e.kind === 'put' ? `${e.collection}/${e.doc.id}${e.deleted ? ' deleted' : ` ${String(e.doc.status)}`}` : e.kind));

describe('decidePlan', () => {
  it.each<[string, Partial<PlanFacts>, Plan, string]>([
    ['a draft is stored as it is', {}, plan(), 'write draft'],
    ['activation without an active assignment is refused', { assignment: null }, active(), 'refuse: This client is no longer assigned to you.'],
    ['activation after the plan would have ended is refused', {}, active({ startDate: '2026-01-01' }), 'refuse: This plan ended on 2026-01-28; pick a later start date.'],
    ['activation of a plan without exercises is refused', {}, active({ days: [] }), 'refuse: This plan has no exercises to schedule.'],
    ['activation with an exercise gone from the library is refused', { exercises: new Map() }, active(),
      'refuse: 4-Week Strength · Monday: An exercise in this session is no longer in the library.'],
    ['activation is written with its assignment', {}, active({ assignmentId: null }), 'write active'],
    ['moving the start of an active plan keeps the start and says why', { current: stored(active()) }, active({ startDate: '2026-03-09' }),
      'write active (This plan is active since 2026-03-02: its start date cannot change (its sessions are scheduled from it). Archive it and activate a copy to start again.)'],
  ])('%s', (_, o, next, expected) => {
    expect(outcome(decidePlan(facts(o), next, false))).toBe(expected);
  });

  it('activation schedules published sessions from today, and first ends the other active plan', () => {
    const old = plan({ id: 'plan-0', status: 'active', startDate: '2026-02-23' });
    const future = session({ id: 'ses-future', planId: 'plan-0', dueDate: '2026-03-06' });
    const logged = session({ id: 'ses-logged', planId: 'plan-0', dueDate: '2026-03-06' });
    const past = session({ id: 'ses-past', planId: 'plan-0', dueDate: '2026-02-27' });
    const sessionsOf = new Map([['plan-0', [{ session: future, logged: false }, { session: logged, logged: true }, { session: past, logged: false }]]]);
    const d = decidePlan(facts({ otherActivePlans: [old], sessionsOf }), active(), false);
    expect(d.kind).toBe('write');
    if (d.kind !== 'write') return;
    expect(d.doc).toMatchObject({ assignmentId: 'asg-1', startDate: today });
    const effects = puts(d.before);
    expect(effects.slice(0, 2)).toEqual(['plans/plan-0 archived', 'sessions/ses-future deleted']);
    expect(effects.slice(2)).toHaveLength(8); // 4 weeks × Monday and Friday
    expect(effects[2]).toBe(`sessions/${planSessionId('plan-1', '20260302')} published`);
  });

  it('a plan leaving "active" withdraws its sessions not yet done and not logged', () => {
    const sessionsOf = new Map([['plan-1', [{ session: session({ id: 'a', dueDate: '2026-03-06' }), logged: false }, { session: session({ id: 'b', dueDate: '2026-03-06' }), logged: true }]]]);
    const d = decidePlan(facts({ current: stored(active()), sessionsOf }), active({ status: 'archived' }), false);
    expect(d.kind === 'write' && puts(d.before)).toEqual(['sessions/a deleted']);
  });

  describe('editing an active plan reschedules its future sessions nobody touched', () => {
    const was = active();
    const scheduled = scheduleSessions(was, today, { newId: (key) => planSessionId(was.id, key), now, status: 'published' });
    const [handEdited, logged, deletedByHand, past] = [scheduled[1]!, scheduled[2]!, scheduled[3]!, { ...scheduled[0]!, dueDate: '2026-02-27' }];
    const sessionsOf = new Map([[was.id, scheduled.map((session) => ({
      session: session === handEdited ? { ...session, notes: 'Go light', fieldClocks: { notes: '2026-03-02T09:00:00.000Z-0000-dev1' } } : session === scheduled[0] ? past : session,
      logged: session === logged,
      deleted: session === deletedByHand,
    }))]]);
    const edit = (next: Plan) => {
      const d = decidePlan(facts({ current: stored(was), sessionsOf }), next, false);
      return d.kind === 'write' ? (d.before ?? []) : [];
    };
    const ids = (effects: readonly Effect[]) => effects.map((e) => (e.kind === 'put' ? String(e.doc.id) : e.kind));

    it('a new title: the untouched future sessions take it; edited, logged, deleted and past ones stay', () => {
      const effects = edit(active({ title: 'Strength II' }));
      const untouched = scheduled.filter((x) => ![handEdited, logged, deletedByHand, scheduled[0]].includes(x)).map((x) => x.id);
      expect(ids(effects)).toEqual(untouched);
      expect(effects.every((e) => e.kind === 'put' && !e.deleted && String(e.doc.title).startsWith('Strength II'))).toBe(true);
    });

    it.each<[string, Partial<Plan>, string[]]>([
      ['a day no longer trained is withdrawn (untouched sessions only)', { days: was.days.filter((d) => d.day === 'Monday') },
        scheduled.filter((x) => x.dueDate !== today && new Date(`${x.dueDate}T00:00:00Z`).getUTCDay() === 5 && ![handEdited, logged, deletedByHand].includes(x)).map((x) => `${x.id} deleted`)],
      ['the same template: nothing to do', {}, []],
    ])('%s', (_why, changes, expected) => {
      expect(puts(edit(active(changes))).map((e) => e.replace(/^sessions\//, ''))).toEqual(expected);
    });
  });

  it('derives long session ids from a hash, within 64 characters', () => {
    expect(planSessionId('p', '20260302')).toBe('plan.p.20260302');
    expect(planSessionId('x'.repeat(64), '20260302.0')).toMatch(/^plan\.[0-9a-f]{32}\.20260302\.0$/);
  });
});
