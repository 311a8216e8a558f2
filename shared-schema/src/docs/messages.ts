import { z } from 'zod';
import { id, instant, optionalId, role, text } from './common.ts';

/**
 * message: coach <-> client conversation. comment: on a session or a log (seed 001's
 * polymorphic comments; author coach or client). system: written by the server (e.g.
 * "you have a new trainer"). A document is only ever written by its author.
 */
export const messageKind = z.enum(['message', 'comment', 'system']);
export const commentTarget = z.enum(['session', 'log']);

export const messageSchema = z.strictObject({
  id,
  kind: messageKind,
  authorId: id,
  authorRole: role,
  coachId: id,
  clientId: id,
  targetType: commentTarget.nullable(),
  targetId: optionalId,
  body: text(4000).min(1),
  createdAt: instant,
  updatedAt: instant,
});
export type Message = z.infer<typeof messageSchema>;
