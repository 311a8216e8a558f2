import { z } from 'zod';
import { assignmentSchema } from './docs/assignments.ts';
import { id } from './docs/common.ts';
import { personSchema } from './docs/people.ts';
import { checkpointSchema } from './sync.ts';

/**
 * The shapes of the server's answers as the web app reads them (web/src/lib/data parses every
 * answer with these before anything else sees it). Request bodies and documents have their
 * own schemas (auth.ts, admin.ts, sync.ts, docs/).
 */

/** A document on the wire: its id and the tombstone flag are checked; the content is the collection's. */
export const wireDocSchema = z.looseObject({ id, _deleted: z.boolean() });

/** POST /api/sync/:collection/pull. */
export const pullAnswerSchema = z.strictObject({ documents: z.array(wireDocSchema), checkpoint: checkpointSchema.nullable() });

/** POST /api/sync/:collection/push?answer=patch: conflicting states (maybe refused, with the reason) or patches (sync.ts `PushPatch`). */
export const pushAnswerSchema = z.array(
  z.union([
    z.strictObject({ id, _patch: z.record(z.string(), z.unknown()) }),
    z.looseObject({ id, _deleted: z.boolean(), _refusal: z.string().optional() }),
  ]),
);

/** POST /api/clients: the new client's account and their assignment to the coach. */
export const newClientAnswerSchema = z.strictObject({ client: personSchema, assignment: assignmentSchema });
export type NewClientAnswer = z.infer<typeof newClientAnswerSchema>;

/** One Server-Sent Event of GET /api/sync/stream (sync.ts `StreamEvent`). */
export const streamEventSchema = z.union([
  z.literal('RESYNC'),
  z.strictObject({ collection: z.string(), documents: z.array(wireDocSchema), checkpoint: checkpointSchema }),
]);
