import { canSee, refusal, todayLocal, type ConflictDoc, type Exercise, type Message, type SessionLog, type TrainingSession, type Viewer } from '@spotter/shared';
import { HttpError, notFound, refused } from '../errors.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository } from '../storage/repository.ts';
import type { Notifier } from '../sync/notifier.ts';
import { push, type PushResult } from '../sync/push.ts';
import type { ViewerRelations } from '../access/relations.ts';
import { loadRelations } from '../access-io/relations.ts';
import { assertClientVisible } from './clients.service.ts';

const live = { field: 'deleted', op: 'eq', value: false } as const;

export interface SessionWithLogs {
  session: TrainingSession;
  log: SessionLog | null;
  comments: Message[];
}

async function withLogs(repo: Repository, viewer: Viewer, session: TrainingSession, rel: ViewerRelations): Promise<SessionWithLogs> {
  const log = (await repo.find('logs', [{ field: 'sessionId', op: 'eq', value: session.id }, live]))[0]?.doc as SessionLog | undefined;
  const comments = (await repo.find('messages', [{ field: 'targetId', op: 'in', value: [session.id, ...(log ? [log.id] : [])] }, live], { field: 'createdAt' }))
    .map((m) => m.doc as Message).filter((m) => canSee(viewer, 'messages', m, rel));
  return { session, log: log && canSee(viewer, 'logs', log, rel) ? log : null, comments };
}

export async function getExercisesFor(repo: Repository, viewer: Viewer): Promise<Exercise[]> {
  const rel = await loadRelations(repo, viewer);
  return (await repo.find('exercises', [live], { field: 'name' })).map((e) => e.doc as Exercise).filter((e) => canSee(viewer, 'exercises', e, rel));
}

/** The builder's "last week of training": a client's sessions due in [from, to], with their logs. */
export async function clientSessions(repo: Repository, viewer: Viewer, clientId: string, from?: string, to?: string): Promise<SessionWithLogs[]> {
  const rel = await loadRelations(repo, viewer);
  await assertClientVisible(repo, viewer, clientId, rel);
  const filters = [{ field: 'clientId', op: 'eq', value: clientId } as const, live, ...(from ? [{ field: 'dueDate', op: 'gte', value: from } as const] : []), ...(to ? [{ field: 'dueDate', op: 'lte', value: to } as const] : [])];
  const sessions = (await repo.find('sessions', filters, { field: 'dueDate' }))
    .map((s) => s.doc as TrainingSession)
    .filter((s) => canSee(viewer, 'sessions', s, rel));
  const out: SessionWithLogs[] = [];
  for (const s of sessions) out.push(await withLogs(repo, viewer, s, rel));
  return out;
}

export async function getSession(repo: Repository, viewer: Viewer, id: string): Promise<SessionWithLogs> {
  const rel = await loadRelations(repo, viewer);
  const found = await repo.get('sessions', id);
  if (!found || found.deleted || !canSee(viewer, 'sessions', found.doc, rel)) throw notFound('No such session among those you can see.');
  return withLogs(repo, viewer, found.doc as TrainingSession, rel);
}

/**
 * POST /api/sessions: exactly a sync push of a new session (same parser, authorization and
 * publish rules), so integrations cannot bypass what devices are held to.
 */
export async function createSession(repo: Repository, notifier: Notifier, viewer: Viewer, body: Record<string, unknown>, today = todayLocal()): Promise<{ session: TrainingSession; rejection: string | null; written: PushResult['written'] }> {
  if (viewer.role !== 'coach') throw refused(403, refusal('coach_only_creates_sessions'));
  if (typeof body.id === 'string' && (await repo.get('sessions', body.id))) throw refused(409, refusal('session_exists'));
  const { conflicts, changed, written } = await push(repo, viewer, 'sessions', [{ assumedMasterState: null, newDocumentState: { ...body, _deleted: false } }], { today });
  if (changed.size) notifier.publish({ collections: [...changed] });
  const answer = conflicts[0] as ConflictDoc<Doc> | undefined; // a full answer: no PushPatch
  if (!answer) return { session: body as TrainingSession, rejection: null, written };
  const { _deleted, _refusal, _refusalCode, ...doc } = answer;
  // Stored, but as a draft with the reason (a refused publish keeps the coach's content).
  if (changed.size) return { session: doc as TrainingSession, rejection: (doc as TrainingSession).rejection, written };
  // Refused outright: every refusal of a push carries its code and sentence.
  throw new HttpError(403, 'forbidden', _refusal ?? 'This session was refused.', _refusalCode);
}
