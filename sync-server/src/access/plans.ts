import { createHash } from 'node:crypto';
import { addDaysTo, publishRefusal, refusal, scheduleSessions, type Assignment, type Plan, type TrainingSession } from '@spotter/shared';
import type { Stored } from '../storage/repository.ts';
import { refuse, write, type Decision, type Effect } from './decision.ts';
import { exerciseUsable } from './sessions.ts';

/** A session of a plan, and whether the client has logged it. */
export interface PlanSession {
  session: TrainingSession;
  logged: boolean;
  /** Deleted (by hand, or withdrawn): only an active plan's own sessions are given with these. */
  deleted?: boolean;
}

export interface PlanFacts {
  /** The server's calendar day and instant. */
  today: string;
  now: string;
  current: Stored | null;
  /** The client's active assignment to the plan's coach (null: not assigned). */
  assignment: Assignment | null;
  /** The client's other active plans (activation ends them). */
  otherActivePlans: readonly Plan[];
  /** The live sessions of each of `otherActivePlans`, and this plan's (deleted ones too) when it was active, by plan id. */
  sessionsOf: ReadonlyMap<string, readonly PlanSession[]>;
  /** Every exercise the plan prescribes, by id; absent = not in the library. */
  exercises: ReadonlyMap<string, Stored>;
}

/** Session ids derived from the plan, so a retried activation rewrites the same documents. */
export function planSessionId(planId: string, key: string): string {
  const id = `plan.${planId}.${key}`;
  return id.length <= 64 ? id : `plan.${createHash('sha256').update(planId).digest('hex').slice(0, 32)}.${key}`;
}

/**
 * A plan leaving "active" takes back its sessions that have not happened yet and that the
 * client has not logged: the client follows one plan at a time, and nothing logged is lost.
 */
function withdrawFutureSessions(f: PlanFacts, planId: string): Effect[] {
  return (f.sessionsOf.get(planId) ?? [])
    .filter(({ session, logged, deleted }) => session.dueDate >= f.today && !logged && !deleted)
    .map(({ session }) => ({ kind: 'put', collection: 'sessions', doc: { ...session, updatedAt: f.now }, deleted: true }));
}

/** A session a person changed on a device carries field stamps; the server schedules without any. */
const editedByHand = (s: TrainingSession) => Object.keys(s.fieldClocks ?? {}).length > 0;
const scheduledContent = (s: TrainingSession) => JSON.stringify([s.dueDate, s.title, s.notes, s.exercises, s.status]);

/**
 * An active plan edited (docs/DESIGN.md "Plan activation"): its sessions from today on that
 * nobody touched — not logged, not edited by hand, not deleted — follow the new template: they
 * take its content, a day no longer trained is withdrawn, a new day is scheduled. What the coach
 * edited or deleted by hand and what the client logged stay as they are.
 */
function rescheduleUntouched(f: PlanFacts, plan: Plan): Effect[] {
  if (plan.startDate === null) return [];
  const wanted = new Map(
    scheduleSessions(plan, plan.startDate, { newId: (key) => planSessionId(plan.id, key), now: f.now, status: 'published' })
      .filter((s) => s.dueDate >= f.today)
      .map((s) => [s.id, s]),
  );
  const effects: Effect[] = [];
  for (const { session, logged, deleted } of f.sessionsOf.get(plan.id) ?? []) {
    const next = wanted.get(session.id);
    wanted.delete(session.id);
    if (session.dueDate < f.today || logged || deleted || editedByHand(session)) continue;
    if (!next) effects.push({ kind: 'put', collection: 'sessions', doc: { ...session, updatedAt: f.now }, deleted: true });
    else if (scheduledContent(next) !== scheduledContent(session)) effects.push({ kind: 'put', collection: 'sessions', doc: { ...next, createdAt: session.createdAt }, deleted: false });
  }
  for (const s of wanted.values()) effects.push({ kind: 'put', collection: 'sessions', doc: s, deleted: false });
  return effects;
}

/**
 * Plan activation (docs/DESIGN.md "Plan activation"), decided for every written plan.
 * Activation (status becomes 'active'): the plan is tied to the client's active assignment,
 * every other active plan of the client is completed (its weeks are over) or archived, and
 * the plan's sessions from today on are scheduled, published, with `planId` — all in the
 * push's transaction, so the client receives the plan and its sessions together.
 */
export function decidePlan(f: PlanFacts, next: Plan, deleted: boolean): Decision {
  const { current, today, now } = f;
  const wasActive = !!current && !current.deleted && current.doc.status === 'active';
  const nowActive = !deleted && next.status === 'active';

  if (!nowActive) return wasActive ? { kind: 'write', doc: next, before: withdrawFutureSessions(f, next.id) } : write(next);
  if (wasActive) {
    // Editing an active plan changes the template; the schedule stays as it is, and so do the
    // start date and the assignment it was scheduled from. A change to those is said, not
    // silently undone: a device merges an unexplained answer field by field as another
    // device's edit, keeps its own start date, and pushes it again forever (found by the sync
    // simulation: two devices activating one plan from different days). With the reason, the
    // device adopts the server's plan and keeps what the user typed in its refused changes.
    const kept: Plan = { ...next, assignmentId: current!.doc.assignmentId as string | null, startDate: current!.doc.startDate as string | null };
    const moved = kept.startDate !== next.startDate || kept.assignmentId !== next.assignmentId;
    const before = rescheduleUntouched(f, kept);
    return { kind: 'write', doc: kept, ...(before.length ? { before } : {}), ...(moved ? { refusal: refusal('plan_start_fixed', { startDate: String(kept.startDate) }) } : {}) };
  }

  if (!f.assignment) return refuse(refusal('client_not_assigned'));
  const startDate = next.startDate ?? today;
  const doc: Plan = { ...next, assignmentId: f.assignment.id, startDate };
  const sessions = scheduleSessions(doc, startDate, { newId: (key) => planSessionId(doc.id, key), now, status: 'published' })
    // A plan activated late (synced after its start) does not create sessions already late.
    .filter((s) => s.dueDate >= today);
  if (sessions.length === 0) {
    const end = addDaysTo(startDate, doc.durationWeeks * 7 - 1);
    return refuse(end < today ? refusal('plan_ended', { end }) : refusal('plan_empty'));
  }
  const exerciseExists = exerciseUsable(f.exercises, doc.coachId);
  for (const s of sessions) {
    const reason = publishRefusal(s, { today, clientAssigned: true, exerciseExists });
    if (reason) return refuse(refusal('plan_session_refused', { title: s.title, reason: reason.message }));
  }

  // Before the new plan is written: the partial unique index allows one active plan.
  const before: Effect[] = [];
  for (const old of f.otherActivePlans) {
    const over = old.startDate !== null && addDaysTo(old.startDate, old.durationWeeks * 7) <= today;
    before.push({ kind: 'put', collection: 'plans', doc: { ...old, status: over ? 'completed' : 'archived', updatedAt: now }, deleted: false });
    before.push(...withdrawFutureSessions(f, old.id));
  }
  for (const s of sessions) before.push({ kind: 'put', collection: 'sessions', doc: s, deleted: false });
  return { kind: 'write', doc, before };
}
