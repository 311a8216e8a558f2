import { sessionLogId, type Assignment, type Message, type Plan, type TrainingSession } from '@spotter/shared';
import type { MessageFacts } from '../access/messages.ts';
import type { PlanFacts, PlanSession } from '../access/plans.ts';
import { needsFacts, type Facts, type WriteRequest } from '../access/write-rules.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository, Stored } from '../storage/repository.ts';

/** What the facts are read with: only reads (push.ts makes them after its waiting writes). */
type Reads = Pick<Repository, 'get' | 'find'>;

export interface FactsContext {
  /** The server's calendar day and instant. */
  today: string;
  now: string;
  /** The exercises a push of sessions prescribes, loaded once for the push (preloadExercises). */
  exercises?: ReadonlyMap<string, Stored>;
  /** For a push of logs, their sessions, loaded once for the push (preloadSessions). */
  sessions?: ReadonlyMap<string, Stored>;
}

/** The exercises a push of sessions prescribes, in one query instead of one get per prescription. */
export function preloadExercises(repo: Reads, sessions: readonly Doc[]): Promise<Map<string, Stored>> {
  const ids = new Set<string>();
  for (const s of sessions) for (const p of (s as TrainingSession).exercises ?? []) ids.add(p.exerciseId);
  return loadExercises(repo, ids);
}

async function loadExercises(repo: Reads, ids: ReadonlySet<string>): Promise<Map<string, Stored>> {
  if (ids.size === 0) return new Map();
  return new Map((await repo.find('exercises', [{ field: 'id', op: 'in', value: [...ids] }])).map((r) => [String(r.doc.id), r]));
}

/**
 * The sessions a push of logs belongs to, in one query instead of one get per log. A log's
 * write changes no session, so they stay true for the whole push.
 */
export async function preloadSessions(repo: Reads, logs: readonly Doc[]): Promise<Map<string, Stored>> {
  const ids = [...new Set(logs.map((l) => String(l.sessionId)))];
  if (ids.length === 0) return new Map();
  return new Map((await repo.find('sessions', [{ field: 'id', op: 'in', value: ids }])).map((r) => [String(r.doc.id), r]));
}

const live = { field: 'deleted', op: 'eq', value: false } as const;

/** Reads what the write rules of `req` look at (access/write-rules.ts FactsOf); nothing else. */
export async function loadFacts(repo: Reads, req: WriteRequest, ctx: FactsContext): Promise<Facts> {
  const { collection, next } = req;
  if (!needsFacts(collection)) return {};
  switch (collection) {
    case 'sessions': {
      const s = next as TrainingSession;
      return {
        sessions: {
          today: ctx.today,
          clientAssigned: req.rel.clientIds.has(s.clientId),
          current: req.current,
          plan: req.current?.deleted && s.planId !== null ? await repo.get('plans', s.planId) : null,
          exercises: ctx.exercises ?? (await preloadExercises(repo, [s])),
        },
      };
    }
    case 'logs':
      return { logs: { session: ctx.sessions ? (ctx.sessions.get(String(next.sessionId)) ?? null) : await repo.get('sessions', String(next.sessionId)) } };
    case 'messages':
      return { messages: await messageFacts(repo, req, next as Message) };
    case 'assignments': {
      const a = next as Assignment;
      const related = [
        ...(await repo.find('assignments', [{ field: 'coachId', op: 'eq', value: a.coachId }, live])),
        ...(await repo.find('assignments', [{ field: 'clientId', op: 'eq', value: a.clientId }, live])),
      ];
      const others = [...new Map(related.map((r) => [r.doc.id, r.doc as Assignment])).values()].filter((o) => o.id !== a.id);
      return { assignments: { coach: await repo.get('people', a.coachId), client: await repo.get('people', a.clientId), others } };
    }
    case 'plans':
      return { plans: await planFacts(repo, req, next as Plan, ctx) };
  }
}

async function messageFacts(repo: Reads, req: WriteRequest, m: Message): Promise<MessageFacts> {
  const base = { viewer: req.viewer, rel: req.rel, target: null, targetCollection: null, session: null };
  const targetId = m.targetId ?? '';
  if (m.kind === 'view') return { ...base, target: await repo.get('notes', targetId), targetCollection: 'notes' };
  if (m.kind !== 'comment') return base;
  if (m.targetType === 'recommendation') return { ...base, target: await repo.get('recommendations', targetId), targetCollection: 'recommendations' };
  const collection = m.targetType === 'session' ? 'sessions' : 'logs';
  // A log's id is derived from its session, so a comment on a log written offline may arrive
  // before the log itself (separate collections replicate independently): then the comment is
  // judged against the session the log will belong to, and nothing the user typed is refused.
  const pendingLogSession = collection === 'logs' && targetId.startsWith('log.') ? targetId.slice(4) : null;
  const found = await repo.get(collection, targetId);
  const [targetCollection, target] = !found && pendingLogSession ? (['sessions', await repo.get('sessions', pendingLogSession)] as const) : ([collection, found] as const);
  const session = m.targetEntryId === null || !target ? null : targetCollection === 'sessions' ? target : await repo.get('sessions', String(target.doc.sessionId));
  return { ...base, target, targetCollection, session };
}

async function planFacts(repo: Reads, req: WriteRequest, p: Plan, ctx: FactsContext): Promise<PlanFacts> {
  // Only what the decision can use: a plan leaving "active" withdraws its own sessions; an
  // activation needs the assignment, the other active plans and their sessions, the exercises.
  const wasActive = !!req.current && !req.current.deleted && req.current.doc.status === 'active';
  const activating = !req.deleted && p.status === 'active' && !wasActive;
  const activeOfClient = async (collection: 'plans' | 'assignments') =>
    (await repo.find(collection, [{ field: 'clientId', op: 'eq', value: p.clientId }, { field: 'status', op: 'eq', value: 'active' }, live])).map((s) => s.doc);
  const assignment = activating ? (((await activeOfClient('assignments')) as Assignment[]).find((a) => a.coachId === p.coachId) ?? null) : null;
  const otherActivePlans = activating ? ((await activeOfClient('plans')) as Plan[]).filter((o) => o.id !== p.id) : [];
  const sessionsOf = new Map<string, PlanSession[]>();
  for (const planId of [...(wasActive ? [p.id] : []), ...otherActivePlans.map((o) => o.id)]) {
    // An active plan edited reschedules its own sessions, and must know the deleted ones (a
    // session the coach deleted by hand is not brought back).
    const own = wasActive && planId === p.id;
    const sessions: PlanSession[] = [];
    for (const s of await repo.find('sessions', [{ field: 'planId', op: 'eq', value: planId }, ...(own ? [] : [live])])) {
      // Any log row, even deleted: the client touched this session.
      const logged = (await repo.get('logs', sessionLogId(String(s.doc.id)))) !== null;
      sessions.push({ session: s.doc as TrainingSession, logged, deleted: s.deleted });
    }
    sessionsOf.set(planId, sessions);
  }
  const ids = activating ? new Set(p.days.flatMap((d) => d.exercises.map((e) => e.exerciseId))) : new Set<string>();
  return { today: ctx.today, now: ctx.now, current: req.current, assignment, otherActivePlans, sessionsOf, exercises: await loadExercises(repo, ids) };
}
