import {
  assignmentRefusal, canSee, publishRefusal, ratingId, sessionLogId, todayLocal,
  type Assignment, type CollectionName, type SessionLog, type Message, type Plan, type TrainingSession, type Viewer,
} from '@spotter/shared';
import type { Doc } from '../storage/mappers.ts';
import type { Repository, Stored } from '../storage/repository.ts';
import type { ViewerRelations } from './relations.ts';
import { decidePlan } from '../admin/plan-activation.ts';

/** What the server does with a pushed document after the authorization check. */
export type Decision =
  | { kind: 'write'; doc: Doc; refusal?: string; effects?: () => CollectionName[] } // stored as `doc`; `refusal` also goes back to the device; `effects` run first, in the same savepoint
  | { kind: 'refuse'; reason: string };

export interface RuleContext {
  repo: Repository;
  viewer: Viewer;
  rel: ViewerRelations;
  /** The server's calendar day: a due date of today still counts as the future. */
  today?: string;
  /** Every exercise the pushed sessions prescribe, loaded at once (preloadExercises); absent = not found. */
  exercises?: ReadonlyMap<string, Stored>;
}

/** The exercises a push of sessions prescribes, in one query instead of one get per prescription. */
export function preloadExercises(repo: Repository, sessions: readonly Doc[]): Map<string, Stored> {
  const ids = new Set<string>();
  for (const s of sessions) for (const p of (s as TrainingSession).exercises ?? []) ids.add(p.exerciseId);
  if (ids.size === 0) return new Map();
  return new Map(repo.find('exercises', [{ field: 'id', op: 'in', value: [...ids] }]).map((r) => [String(r.doc.id), r]));
}

/** The domain rules that need other documents (pure rules live in @spotter/shared). */
export function decide(ctx: RuleContext, collection: CollectionName, current: Stored | null, next: Doc, deleted: boolean): Decision {
  if (deleted) return collection === 'plans' ? decidePlan({ repo: ctx.repo, today: ctx.today }, current, next as Plan, true) : { kind: 'write', doc: next };
  switch (collection) {
    case 'sessions':
      return decideSession(ctx, current, next as TrainingSession);
    case 'logs':
      return decideLog(ctx, next as SessionLog);
    case 'messages':
      return decideMessage(ctx, next as Message);
    case 'assignments':
      return decideAssignment(ctx, next as Assignment);
    case 'plans':
      return decidePlan({ repo: ctx.repo, today: ctx.today }, current, next as Plan, false);
    default:
      return { kind: 'write', doc: next };
  }
}

function exerciseUsable(ctx: RuleContext, coachId: string) {
  return (id: string) => {
    const ex = ctx.exercises ? ctx.exercises.get(id) : ctx.repo.get('exercises', id);
    return !!ex && !ex.deleted && (ex.doc.ownerId === null || ex.doc.ownerId === coachId);
  };
}

/**
 * A pushed `submitted` (or `published`) status on a session that is not yet published is a
 * publish request (DESIGN.md "The draft queue"): accepted → stored published; refused →
 * stored as a draft with the reason, so the coach's content is kept and the builder shows why.
 * The server never stores `submitted`.
 */
function decideSession(ctx: RuleContext, current: Stored | null, next: TrainingSession): Decision {
  if (current?.deleted && next.planId !== null) {
    // Withdrawn with its plan (archived or replaced: plan-activation.ts). An edit made on a
    // device that had not heard yet would bring it back under a plan that is over (found by the
    // sync simulation); the device keeps the edit aside with this reason instead.
    const plan = ctx.repo.get('plans', next.planId);
    if (plan && (plan.deleted || plan.doc.status !== 'active')) {
      return { kind: 'refuse', reason: 'This session was withdrawn when its plan ended or was replaced. Duplicate it to keep it.' };
    }
  }
  if (next.status === 'draft') return { kind: 'write', doc: next };
  const ruleCtx = { today: ctx.today ?? todayLocal(), clientAssigned: ctx.rel.clientIds.has(next.clientId), exerciseExists: exerciseUsable(ctx, next.coachId) };
  const wasPublished = !!current && !current.deleted && current.doc.status === 'published';
  if (wasPublished) {
    // Editing what the client already sees: the due date may have passed, the rest must hold.
    const reason = publishRefusal(next, { ...ruleCtx, today: '0000-01-01' });
    return reason ? { kind: 'refuse', reason } : { kind: 'write', doc: { ...next, status: 'published', rejection: null } };
  }
  const reason = publishRefusal(next, ruleCtx);
  if (reason) return { kind: 'write', doc: { ...next, status: 'draft', rejection: reason }, refusal: reason };
  return { kind: 'write', doc: { ...next, status: 'published', rejection: null } };
}

function decideLog(ctx: RuleContext, next: SessionLog): Decision {
  const session = ctx.repo.get('sessions', next.sessionId);
  if (!session || session.deleted || session.doc.status !== 'published' || session.doc.clientId !== ctx.viewer.id) {
    return { kind: 'refuse', reason: 'This session is not one of your published sessions.' };
  }
  if (next.id !== sessionLogId(next.sessionId)) return { kind: 'refuse', reason: `A session's log has the id ${sessionLogId(next.sessionId)}.` };
  if (next.coachId !== session.doc.coachId) return { kind: 'refuse', reason: "A log's coach is its session's coach." };
  return { kind: 'write', doc: next };
}

/**
 * A comment's target must exist and be visible to its author (the shape of the fields was
 * checked by the pure rules, messageShapeRefusal). Plain messages have no target.
 */
function decideMessage(ctx: RuleContext, next: Message): Decision {
  if (next.kind === 'view') return decideView(ctx, next);
  if (next.kind !== 'comment') return { kind: 'write', doc: next };
  if (next.targetType === 'recommendation') return decideRating(ctx, next);
  const targetId = next.targetId ?? '';
  const collection = next.targetType === 'session' ? 'sessions' : 'logs';
  // A log's id is derived from its session, so a comment on a log written offline may arrive
  // before the log itself (separate collections replicate independently): then the comment is
  // judged against the session the log will belong to, and nothing the user typed is refused.
  const pendingLogSession = collection === 'logs' && targetId.startsWith('log.') ? targetId.slice(4) : null;
  const found = ctx.repo.get(collection, targetId);
  const [targetCollection, target] =
    !found && pendingLogSession ? (['sessions', ctx.repo.get('sessions', pendingLogSession)] as const) : ([collection, found] as const);
  // The author must see what they comment on, and the comment belongs to the target's client.
  if (!target || target.deleted || !canSee(ctx.viewer, targetCollection, target.doc, ctx.rel) || target.doc.clientId !== next.clientId) {
    return { kind: 'refuse', reason: `You can only comment on a ${next.targetType} you can see.` };
  }
  if (next.targetEntryId !== null) {
    // One exercise's log: a prescription of the session (a log's entries are keyed by
    // prescription id). Checked against the session, not the log, so it also holds before the
    // log (or that entry of it) arrives.
    const session = targetCollection === 'sessions' ? target : ctx.repo.get('sessions', String(target.doc.sessionId));
    const prescribed = (session?.doc as TrainingSession | undefined)?.exercises ?? [];
    if (!prescribed.some((p) => p.id === next.targetEntryId)) {
      return { kind: 'refuse', reason: 'That exercise is not part of this session.' };
    }
  }
  return { kind: 'write', doc: next };
}

/**
 * A view counts an opening of a resource the client can see (shared with them by the coach it
 * names). A resource deleted since the client opened it offline is refused: there is nothing
 * left to count it on, and the device keeps the refused view with the reason.
 */
function decideView(ctx: RuleContext, next: Message): Decision {
  const note = ctx.repo.get('notes', next.targetId ?? '');
  if (
    !note || note.deleted || note.doc.kind !== 'resource' || note.doc.clientId !== next.clientId || note.doc.coachId !== next.coachId ||
    !canSee(ctx.viewer, 'notes', note.doc, ctx.rel)
  ) {
    return { kind: 'refuse', reason: 'You can only open a resource your coach shared with you.' };
  }
  return { kind: 'write', doc: next };
}

/** Seed 002 §4 feedback: only the recommendation's own client rates it, and only once approved. */
function decideRating(ctx: RuleContext, next: Message): Decision {
  const rec = ctx.repo.get('recommendations', next.targetId ?? '');
  if (!rec || rec.deleted || rec.doc.clientId !== next.clientId || rec.doc.coachId !== next.coachId || !canSee(ctx.viewer, 'recommendations', rec.doc, ctx.rel)) {
    return { kind: 'refuse', reason: 'You can only rate a recommendation your coach approved for you.' };
  }
  if (next.id !== ratingId(rec.doc.id)) return { kind: 'refuse', reason: `A rating of this recommendation has the id ${ratingId(rec.doc.id)}.` };
  return { kind: 'write', doc: next };
}

function decideAssignment(ctx: RuleContext, next: Assignment): Decision {
  const coach = ctx.repo.get('people', next.coachId);
  const client = ctx.repo.get('people', next.clientId);
  if (!coach || coach.deleted || coach.doc.role !== 'coach') return { kind: 'refuse', reason: 'coachId must be a trainer.' };
  if (!client || client.deleted || client.doc.role !== 'client') return { kind: 'refuse', reason: 'clientId must be a client.' };
  const related = [
    ...ctx.repo.find('assignments', [{ field: 'coachId', op: 'eq', value: next.coachId }, { field: 'deleted', op: 'eq', value: false }]),
    ...ctx.repo.find('assignments', [{ field: 'clientId', op: 'eq', value: next.clientId }, { field: 'deleted', op: 'eq', value: false }]),
  ];
  const others = [...new Map(related.map((r) => [r.doc.id, r.doc as Assignment])).values()].filter((a) => a.id !== next.id);
  const reason = assignmentRefusal(next, others, Number(coach.doc.maxClients));
  return reason ? { kind: 'refuse', reason } : { kind: 'write', doc: next };
}
