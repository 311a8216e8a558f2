import { scheduleSessions, sessionLogId, todayLocal, type Plan } from '@spotter/shared';
import { planSessionId } from '@spotter/sync-server/access/plans.ts';
import type { ServerState } from './server-db.ts';

/**
 * Plans (docs/DESIGN.md "Plan activation"), over everything the server holds:
 *  - a client has at most one active plan;
 *  - an active plan is tied to an assignment and has a start date, and every session its days
 *    give from today on exists, published, with the plan's id (the client then receives them:
 *    the visibility invariant checks that);
 *  - a plan that is not active has no session still to come that the client has not logged
 *    (activating another plan withdrew them; nothing logged is ever withdrawn).
 * The demo data's active plans were not scheduled by an activation and are left out of that.
 * The simulation never changes a plan's days after creating it, so the schedule an active
 * plan must have is exactly `scheduleSessions` of its days as they are now.
 */
export function checkPlans(state: ServerState, seeded: ReadonlySet<string>, fail: (msg: string) => void): { plans: number; sessions: number } {
  const today = todayLocal();
  const stats = { plans: 0, sessions: 0 };
  const plans = [...state.plans.values()].filter((p) => !p._deleted) as (Plan & { _deleted: boolean })[];
  const byPlan = new Map<string, Record<string, any>[]>();
  for (const s of state.sessions.values()) if (s.planId && !s._deleted) byPlan.set(s.planId, [...(byPlan.get(s.planId) ?? []), s]);

  const activeByClient = new Map<string, string>();
  for (const plan of plans) {
    stats.plans++;
    if (plan.status !== 'active') {
      for (const s of byPlan.get(plan.id) ?? []) {
        if (s.dueDate >= today && !state.logs.has(sessionLogId(s.id))) fail(`plan: ${plan.status} plan ${plan.id} still has session ${s.id} due ${s.dueDate}, not logged (it should have been withdrawn)`);
      }
      continue;
    }
    const other = activeByClient.get(plan.clientId);
    if (other) fail(`plan: client ${plan.clientId} has two active plans, ${other} and ${plan.id}`);
    activeByClient.set(plan.clientId, plan.id);
    if (seeded.has(plan.id)) continue;
    if (!plan.startDate || !plan.assignmentId) {
      fail(`plan: active plan ${plan.id} has startDate ${plan.startDate} and assignmentId ${plan.assignmentId}`);
      continue;
    }
    const expected = scheduleSessions(plan, plan.startDate, { newId: (key) => planSessionId(plan.id, key), now: plan.updatedAt }).filter((s) => s.dueDate >= today);
    for (const want of expected) {
      stats.sessions++;
      const got = state.sessions.get(want.id);
      if (!got || got._deleted) fail(`plan: active plan ${plan.id} (start ${plan.startDate}) should have scheduled session ${want.id} due ${want.dueDate}; the server has ${got ? 'it deleted' : 'nothing'}`);
      else if (got.status !== 'published' || got.planId !== plan.id || got.clientId !== plan.clientId || got.dueDate !== want.dueDate) {
        fail(`plan: session ${want.id} of active plan ${plan.id} is ${JSON.stringify({ status: got.status, planId: got.planId, clientId: got.clientId, dueDate: got.dueDate })}`);
      }
    }
  }
  return stats;
}
