import type { Message, Role } from '@spotter/shared';
import { sessionLogId } from '@spotter/shared';

/**
 * Comments and messages are both `messages` documents (one collection, one writer per
 * document: its author). A comment targets a session (what the coach prescribed), the
 * session's log document (what the client did), or one exercise's log: the log document plus
 * `entryId`, the prescription id its entry is keyed by (where "my knee hurt on the squats"
 * goes). The server checks the target exists, is visible to the author and, for an exercise,
 * that the session prescribes it. Pure helpers; pages write through the data layer.
 */
export type CommentTarget = { type: 'session' | 'log'; id: string; entryId?: string | null };

/** The two whole-session threads of a session. */
export const targetsOf = (sessionId: string): { session: CommentTarget; log: CommentTarget } => ({
  session: { type: 'session', id: sessionId },
  log: { type: 'log', id: sessionLogId(sessionId) },
});

/** The thread on one exercise's log (prescription `prescriptionId` of the session). */
export const entryTarget = (sessionId: string, prescriptionId: string): CommentTarget => ({ type: 'log', id: sessionLogId(sessionId), entryId: prescriptionId });

export interface Author {
  id: string;
  role: Role;
}

/** The pair a conversation belongs to; a message document carries both ids. */
export interface Pair {
  coachId: string;
  clientId: string;
}

const byCreated = (a: Message, b: Message) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The thread on one target, oldest first (a thread reads top to bottom). */
export const commentsOn = (messages: readonly Message[], target: CommentTarget): Message[] =>
  messages
    .filter((m) => m.kind === 'comment' && m.targetType === target.type && m.targetId === target.id && (m.targetEntryId ?? null) === (target.entryId ?? null))
    .sort(byCreated);

/** Every comment about a session: on it, on its log, and on each of its exercises. */
export const commentsAbout = (messages: readonly Message[], sessionId: string): Message[] => {
  const ids = new Set([sessionId, sessionLogId(sessionId)]);
  return messages.filter((m) => m.kind === 'comment' && (m.targetType === 'session' || m.targetType === 'log') && ids.has(m.targetId ?? '')).sort(byCreated);
};

/** The coach↔client conversation, oldest first; server 'system' notes belong in it too. */
export const conversation = (messages: readonly Message[], pair: Pair): Message[] =>
  messages
    .filter((m) => (m.kind === 'message' || m.kind === 'system') && m.coachId === pair.coachId && m.clientId === pair.clientId)
    .sort(byCreated);

export function newComment(id: string, author: Author, pair: Pair, target: CommentTarget, body: string, now: string): Message {
  return { id, kind: 'comment', authorId: author.id, authorRole: author.role, ...pair, targetType: target.type, targetId: target.id, targetEntryId: target.entryId ?? null, rating: null, body: body.trim(), createdAt: now, updatedAt: now };
}

export function newMessage(id: string, author: Author, pair: Pair, body: string, now: string): Message {
  return { id, kind: 'message', authorId: author.id, authorRole: author.role, ...pair, targetType: null, targetId: null, targetEntryId: null, rating: null, body: body.trim(), createdAt: now, updatedAt: now };
}

/** "Coach" / "You" style label for an author, given display names known on the device. */
export function authorLabel(m: Message, me: string, names: Readonly<Record<string, string>>): string {
  if (m.kind === 'system') return 'Spotter';
  if (m.authorId === me) return 'You';
  return names[m.authorId] ?? (m.authorRole === 'coach' ? 'Coach' : 'Client');
}

/** "Sun 22 Nov, 18:05": when a comment was written or a session completed, in the reader's time zone. */
export { formatWhen } from '../app/format.ts';
