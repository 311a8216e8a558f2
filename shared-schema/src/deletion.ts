import { z } from 'zod';
import { instant } from './docs/common.ts';

/**
 * Deleting an account (docs/DESIGN.md "Deleting an account"): asked with the asker's password,
 * carried out by the scheduler after an undo window. The requests the server parses and the
 * answers the web app parses, both from here.
 */

/** How long a deletion can be cancelled before it takes effect. */
export const DELETION_UNDO_MS = 15 * 60_000;

/** POST /api/account/deletion, POST /api/admin/people/:id/deletion: the asker's own password. */
export const deletionRequestSchema = z.strictObject({ password: z.string().min(1).max(200) });
export type DeletionRequest = z.infer<typeof deletionRequestSchema>;

/** A deletion waiting for its time: when it takes effect, and whether the person asked for it themselves. */
export const pendingDeletionSchema = z.strictObject({
  dueAt: instant,
  requestedAt: instant,
  byAdmin: z.boolean(),
});
export type PendingDeletion = z.infer<typeof pendingDeletionSchema>;

/** The answer of every deletion route: the deletion waiting, or null (none, or cancelled). */
export const deletionStatusSchema = z.strictObject({ pending: pendingDeletionSchema.nullable() });
export type DeletionStatus = z.infer<typeof deletionStatusSchema>;
