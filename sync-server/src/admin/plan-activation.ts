import { createHash } from 'node:crypto';
import {
  addDaysTo, publishRefusal, scheduleSessions, sessionLogId, todayLocal,
  type Assignment, type CollectionName, type Plan, type TrainingSession,
} from '@spotter/shared';
import type { Repository, Stored } from '../storage/repository.ts';

export interface PlanContext {
  repo: Repository;
  /** The server's calendar day. */
  today?: string;
  now?: string;
}

/**
 * What the push does with a pushed plan: refuse it, or write `doc` (possibly adjusted by
 * the server: assignment, start date) after running `effects` in the same transaction.
 */
export type PlanDecision =
  | { kind: 'refuse'; reason: string }
  | { kind: 'write'; doc: Plan; refusal?: string; effects?: () => CollectionName[] };

/** Session ids derived from the plan, so a retried activation rewrites the same documents. */
export function planSessionId(planId: string, key: string): string {
  const id = `plan.${planId}.${key}`;
  return id.length <= 64 ? id : `plan.${createHash('sha256').update(planId).digest('hex').slice(0, 32)}.${key}`;
}

const activePlansOf = (repo: Repository, clientId: string, except: string) =>
  repo
    .find('plans', [{ field: 'clientId', op: 'eq', value: clientId }, { field: 'status', op: 'eq', value: 'active' }, { field: 'deleted', op: 'eq', value: false }])
    .map((s) => s.doc as Plan)
    .filter((p) => p.id !== except);

/**
 * A plan leaving "active" takes back its sessions that have not happened yet and that the
 * client has not logged: the client follows one plan at a time, and nothing logged is lost.
 */
function withdrawFutureSessions(repo: Repository, planId: string, today: string, now: string): number {
  let n = 0;
  for (const s of repo.find('sessions', [{ field: 'planId', op: 'eq', value: planId }, { field: 'deleted', op: 'eq', value: false }])) {
    const session = s.doc as TrainingSession;
    if (session.dueDate < today || repo.get('logs', sessionLogId(session.id))) continue;
    repo.put('sessions', { ...session, updatedAt: now }, true);
    n++;
  }
  return n;
}

/**
 * Seed 003 flow 2 on the server: the hook the push path calls for every written plan.
 * Activation (status becomes 'active'): the plan is tied to the client's active assignment,
 * every other active plan of the client is completed (its weeks are over) or archived, and
 * the plan's sessions from today on are scheduled, published, with `planId` — all in the
 * push's transaction, so the client receives the plan and its sessions together.
 */
export function decidePlan(ctx: PlanContext, current: Stored | null, next: Plan, deleted: boolean): PlanDecision {
  const { repo } = ctx;
  const today = ctx.today ?? todayLocal();
  const now = ctx.now ?? new Date().toISOString();
  const wasActive = !!current && !current.deleted && current.doc.status === 'active';
  const nowActive = !deleted && next.status === 'active';

  if (!nowActive) {
    return wasActive ? { kind: 'write', doc: next, effects: () => (withdrawFutureSessions(repo, next.id, today, now) ? ['sessions'] : []) } : { kind: 'write', doc: next };
  }
  if (wasActive) {
    // Editing an active plan changes the template; the schedule stays as it is, and so do the
    // start date and the assignment it was scheduled from. A change to those is said, not
    // silently undone: a device merges an unexplained answer field by field as another
    // device's edit, keeps its own start date, and pushes it again forever (found by the sync
    // simulation: two devices activating one plan from different days). With the reason, the
    // device adopts the server's plan and keeps what the user typed in its refused changes.
    const kept: Plan = { ...next, assignmentId: current!.doc.assignmentId as string | null, startDate: current!.doc.startDate as string | null };
    const moved = kept.startDate !== next.startDate || kept.assignmentId !== next.assignmentId;
    return { kind: 'write', doc: kept, ...(moved ? { refusal: `This plan is active since ${kept.startDate}: its start date cannot change (its sessions are scheduled from it). Archive it and activate a copy to start again.` } : {}) };
  }

  const assignment = repo
    .find('assignments', [{ field: 'clientId', op: 'eq', value: next.clientId }, { field: 'status', op: 'eq', value: 'active' }, { field: 'deleted', op: 'eq', value: false }])
    .map((s) => s.doc as Assignment)
    .find((a) => a.coachId === next.coachId);
  if (!assignment) return { kind: 'refuse', reason: 'This client is no longer assigned to you.' };

  const startDate = next.startDate ?? today;
  const doc: Plan = { ...next, assignmentId: assignment.id, startDate };
  const sessions = scheduleSessions(doc, startDate, { newId: (key) => planSessionId(doc.id, key), now, status: 'published' })
    // A plan activated late (synced after its start) does not create sessions already late.
    .filter((s) => s.dueDate >= today);
  if (sessions.length === 0) {
    const end = addDaysTo(startDate, doc.durationWeeks * 7 - 1);
    return { kind: 'refuse', reason: end < today ? `This plan ended on ${end}; pick a later start date.` : 'This plan has no exercises to schedule.' };
  }
  const exerciseExists = (id: string) => {
    const ex = repo.get('exercises', id);
    return !!ex && !ex.deleted && (ex.doc.ownerId === null || ex.doc.ownerId === doc.coachId);
  };
  for (const s of sessions) {
    const reason = publishRefusal(s, { today, clientAssigned: true, exerciseExists });
    if (reason) return { kind: 'refuse', reason: `${s.title}: ${reason}` };
  }

  return {
    kind: 'write',
    doc,
    effects: () => {
      // Before the new plan is written: the partial unique index allows one active plan.
      for (const old of activePlansOf(repo, doc.clientId, doc.id)) {
        const over = old.startDate !== null && addDaysTo(old.startDate, old.durationWeeks * 7) <= today;
        repo.put('plans', { ...old, status: over ? 'completed' : 'archived', updatedAt: now }, false);
        withdrawFutureSessions(repo, old.id, today, now);
      }
      for (const s of sessions) repo.put('sessions', s, false);
      return ['plans', 'sessions'];
    },
  };
}
