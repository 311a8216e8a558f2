import { z } from 'zod';
import { calendarDate } from './docs/common.ts';

/**
 * The collections whose first pull brings the recent weeks first (DESIGN.md "Sync"): the big
 * per-client ones, whose recent rows are what the coach dashboard reads. How each dates its
 * rows is the server's (sync-server/src/sync/pull.ts).
 */
export const recentFirstCollections = ['sessions', 'logs', 'messages'] as const;
export type RecentFirstCollection = (typeof recentFirstCollections)[number];

/** The phases of such a first pull, in order. */
export const pullPhases = ['recent', 'history'] as const;
export type PullPhase = (typeof pullPhases)[number];

/**
 * Pull checkpoint: server numbers, never a device clock (DESIGN.md "Sync").
 * `{ seq }`: the rows after seq, in seq order. A first pull of sessions, logs and messages
 * adds its phase, all set by the server: `phase`, `after` (the position in that phase: the
 * last seq sent in it), `upTo` (the server's last seq when the first pull began) and `since`
 * (the first day of the recent window); `seq` stays 0 until the phases are over. The position
 * is not `seq` because RxDB merges checkpoints key by key (stackCheckpoints: Object.assign):
 * a live-stream change's `{ seq }` merged into a phase must not move the phase's position.
 * For the same reason a key can never be dropped, so the end of the phases is spelled
 * `phase: null, after: null, upTo: null, since: null`.
 */
const phaseKeys = ['phase', 'after', 'upTo', 'since'] as const;
export const checkpointSchema = z
  .strictObject({
    seq: z.number().int().min(0),
    phase: z.enum(pullPhases).nullable().optional(),
    after: z.number().int().min(0).nullable().optional(),
    upTo: z.number().int().min(0).nullable().optional(),
    since: calendarDate.nullable().optional(),
  })
  .refine((c) => phaseKeys.every((k) => (c[k] == null) === (c.phase == null)), {
    message: 'a checkpoint in a phase needs phase, after, upTo and since together (or none of them)',
  });
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
 * are only objects; `_deleted` is RxDB's tombstone flag.
 */
const wireObject = z.record(z.string(), z.unknown());
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
