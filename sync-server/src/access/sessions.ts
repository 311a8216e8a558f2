import { publishRefusal, refusal, type TrainingSession } from '@spotter/shared';
import type { Stored } from '../storage/repository.ts';
import { refuse, write, type Decision } from './decision.ts';

export interface SessionFacts {
  /** The server's calendar day: a due date of today still counts as the future. */
  today: string;
  /** Is the session's client assigned to the pusher right now? */
  clientAssigned: boolean;
  /** The stored session (null: new). */
  current: Stored | null;
  /** The plan of the pushed session, when it has one (null: none, or not found). */
  plan: Stored | null;
  /** Every exercise the session prescribes, by id; absent = not in the library. */
  exercises: ReadonlyMap<string, Stored>;
}

/** An exercise a coach may prescribe: the shared library's or their own, not deleted. */
export const exerciseUsable = (exercises: ReadonlyMap<string, Stored>, coachId: string) => (id: string) => {
  const ex = exercises.get(id);
  return !!ex && !ex.deleted && (ex.doc.ownerId === null || ex.doc.ownerId === coachId);
};

/**
 * A pushed `submitted` (or `published`) status on a session that is not yet published is a
 * publish request (docs/DESIGN.md "The draft queue"): accepted → stored published; refused →
 * stored as a draft with the reason, so the coach's content is kept and the builder shows why.
 * The server never stores `submitted`. A delete needs none of that: what is withdrawn is not
 * published again.
 */
export function decideSession(f: SessionFacts, next: TrainingSession, deleted: boolean): Decision {
  const { current, plan } = f;
  if (current?.deleted && next.planId !== null && plan && (plan.deleted || plan.doc.status !== 'active')) {
    // Withdrawn with its plan (archived or replaced: access/plans.ts). An edit made on a
    // device that had not heard yet would bring it back under a plan that is over (found by the
    // sync simulation); the device keeps the edit aside with this reason instead.
    if (!deleted) return refuse(refusal('session_withdrawn'));
  }
  if (deleted || next.status === 'draft') return write(next);
  const ruleCtx = { today: f.today, clientAssigned: f.clientAssigned, exerciseExists: exerciseUsable(f.exercises, next.coachId) };
  const wasPublished = !!current && !current.deleted && current.doc.status === 'published';
  if (wasPublished) {
    // Editing what the client already sees: the due date may have passed, the rest must hold.
    const reason = publishRefusal(next, { ...ruleCtx, today: '0000-01-01' });
    return reason ? refuse(reason) : write({ ...next, status: 'published', rejection: null });
  }
  const reason = publishRefusal(next, ruleCtx);
  if (reason) return { kind: 'write', doc: { ...next, status: 'draft', rejection: reason.message }, refusal: reason };
  return write({ ...next, status: 'published', rejection: null });
}
