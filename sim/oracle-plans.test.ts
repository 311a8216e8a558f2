import { describe, expect, it } from 'vitest';
import { addDaysTo, collectionNames, scheduleSessions, todayLocal, type Plan } from '@spotter/shared';
import { planSessionId } from '@spotter/sync-server/access/plans.ts';
import { checkPlans } from './oracle-plans.ts';
import type { ServerState } from './server-db.ts';

/** The plan invariant must be able to fail: a missing scheduled session, a session not withdrawn, two active plans. */
const today = todayLocal();
const plan: Plan = {
  id: 'plan-1', coachId: 'coach-1', clientId: 'client-1', assignmentId: 'asg-1', title: 'Block', description: '', goals: '',
  durationWeeks: 1, startDate: today, status: 'active', createdAt: 't0', updatedAt: 't0',
  days: [{ day: 'Monday', exercises: [{ id: 'rx', exerciseId: 'ex-1', sets: 3, reps: '10', weight: '', restSeconds: 90, notes: '' }] }],
};
const sessionsOf = (p: Plan) => scheduleSessions(p, p.startDate!, { newId: (key) => planSessionId(p.id, key), now: 't0' }).map((s) => ({ ...s, _deleted: false }));

function state(plans: Plan[], sessions: Record<string, unknown>[]): ServerState {
  const out = Object.fromEntries(collectionNames.map((n) => [n, new Map()])) as ServerState;
  for (const p of plans) out.plans.set(p.id, { ...p, _deleted: false });
  for (const s of sessions) out.sessions.set(String(s.id), s as any);
  return out;
}

describe('plan invariant', () => {
  it('holds for an active plan with its sessions', () => {
    const failures: string[] = [];
    expect(checkPlans(state([plan], sessionsOf(plan)), new Set(), (m) => failures.push(m))).toEqual({ plans: 1, sessions: 1 });
    expect(failures).toEqual([]);
  });

  it('fails when an active plan lacks a scheduled session', () => {
    const failures: string[] = [];
    checkPlans(state([plan], []), new Set(), (m) => failures.push(m));
    expect(failures[0]).toMatch(/^plan: active plan plan-1 .* should have scheduled session plan\.plan-1\.\d{8}/);
  });

  it('fails when an archived plan still has an unlogged session to come', () => {
    const failures: string[] = [];
    checkPlans(state([{ ...plan, status: 'archived' }], sessionsOf(plan)), new Set(), (m) => failures.push(m));
    expect(failures[0]).toMatch(/^plan: archived plan plan-1 still has session/);
  });

  it('fails on two active plans for one client', () => {
    const failures: string[] = [];
    const other = { ...plan, id: 'plan-2', startDate: addDaysTo(today, 1) };
    checkPlans(state([plan, other], [...sessionsOf(plan), ...sessionsOf(other)]), new Set(), (m) => failures.push(m));
    expect(failures).toEqual(['plan: client client-1 has two active plans, plan-1 and plan-2']);
  });
});
