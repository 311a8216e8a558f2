import { z } from 'zod';

/** Pull checkpoint: the server's sequence number, never a device clock (DESIGN.md "Sync"). */
export const checkpointSchema = z.strictObject({ seq: z.number().int().min(0) });
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const pullRequestSchema = z.strictObject({
  checkpoint: checkpointSchema.nullable(),
  batchSize: z.number().int().min(1).max(1000),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** A document on the wire: the collection's fields plus RxDB's soft-delete flag. */
export type WireDoc<T> = T & { _deleted: boolean };

export interface PullResponse<T = Record<string, unknown>> {
  documents: WireDoc<T>[];
  checkpoint: Checkpoint | null;
}

/**
 * A pushed row. The document states are parsed per collection by the server, so here they
 * are only objects; `_deleted` is RxDB's tombstone flag. A loose object rather than a record:
 * the same check without parsing every key as a string, which a push of 100 sessions paid
 * again before the collection's schema parsed them anyway (bench/README.md).
 */
const wireObject = z.looseObject({});
export const pushRowSchema = z.strictObject({
  assumedMasterState: wireObject.nullable().optional(),
  newDocumentState: wireObject,
});
export const pushRequestSchema = z.array(pushRowSchema).max(500);
export type PushRow = z.infer<typeof pushRowSchema>;

/**
 * The push answer is the array of conflicting master states (RxDB protocol). A document the
 * server refused carries `_refusal`: the human-readable reason. A refused document that the
 * server never had comes back as a tombstone of the pushed state, and the device keeps the
 * user's version aside with the reason (web data layer), so nothing typed is lost.
 */
export type ConflictDoc<T = Record<string, unknown>> = WireDoc<T> & { _refusal?: string };

/** One Server-Sent Event on /api/sync/stream. */
export type StreamEvent = { collection: string; documents: WireDoc<Record<string, unknown>>[]; checkpoint: Checkpoint } | 'RESYNC';
