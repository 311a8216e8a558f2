import { z } from 'zod';
import { fieldClocks, id, instant, optionalId, role, text } from './common.ts';

/**
 * message: coach <-> client conversation. comment: on a session, a log, one exercise's
 * entry in a log (author coach or client), or the client's rating
 * of a recommendation. system: written by the server (e.g. "you have
 * a new trainer"). view: the client opened a resource their coach shared
 * (docs/DESIGN.md "Resources and views"); one document per opening, written by the client, so it never touches the coach's
 * resource document (docs/DESIGN.md "One writer per document") and views counted on two offline devices add up.
 * A document is only ever written by its author.
 *
 * Rules the JSON Schema cannot state (which fields go together, who may rate or view, a
 * non-empty body unless it is a rating or a view) are pure rules in access.ts
 * (`messageShapeRefusal`).
 */
export const messageKind = z.enum(['message', 'comment', 'system', 'view']);
/** What a comment (session, log, recommendation) or a view (resource: a `notes` document) is about. */
export const messageTarget = z.enum(['session', 'log', 'recommendation', 'resource']);

/** A recommendation rating, 1 (not useful) to 5 (very useful). */
export const rating = z.number().int().min(1).max(5);

export const messageSchema = z.strictObject({
  id,
  kind: messageKind,
  authorId: id,
  authorRole: role,
  coachId: id,
  clientId: id,
  targetType: messageTarget.nullable(),
  targetId: optionalId,
  /**
   * With a log target: the prescription id of one exercise (log entries are keyed by it), so
   * the comment is on that exercise's log rather than on the whole session's.
   */
  targetEntryId: optionalId,
  /** Only on a comment about a recommendation (the client's rating); null on everything else. */
  rating: rating.nullable(),
  /** May be empty only on a rating (the comment that goes with it is optional); always empty on a view. */
  body: text(4000),
  createdAt: instant,
  updatedAt: instant,
  fieldClocks,
});
export type Message = z.infer<typeof messageSchema>;

/**
 * The id of a client's rating of recommendation `recommendationId`: derived (like a session's
 * log id), so the client's devices rating offline meet in one document instead of counting
 * twice. Ids are limited to 64 characters; a longer recommendation id is hashed.
 */
export function ratingId(recommendationId: string): string {
  const plain = `rating.${recommendationId}`;
  return plain.length <= 64 ? plain : `rating.h${fnv1a32(recommendationId)}${fnv1a32(`~${recommendationId}`)}`;
}

function fnv1a32(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
