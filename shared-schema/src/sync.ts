import { z } from 'zod';
import { calendarDate } from './docs/common.ts';
import type { RefusalCode } from './refusals.ts';

/**
 * The collections whose first pull brings the recent weeks first (docs/DESIGN.md "First sync, recent weeks first"): the big
 * per-client ones, whose recent rows are what the coach dashboard reads. How each dates its
 * rows is the server's (sync-server/src/sync/pull.ts).
 */
export const recentFirstCollections = ['sessions', 'logs', 'messages'] as const;
export type RecentFirstCollection = (typeof recentFirstCollections)[number];

/** The phases of such a first pull, in order. */
export const pullPhases = ['recent', 'history'] as const;
export type PullPhase = (typeof pullPhases)[number];

/**
 * Pull checkpoint: server numbers, never a device clock (docs/DESIGN.md "Sync").
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
 * server refused carries `_refusal`, the sentence shown to the person, and `_refusalCode`, its
 * code (refusals.ts). A refused document that the server never had comes back as a tombstone
 * of the pushed state, and the device keeps the user's version aside with the reason (web data
 * layer), so nothing typed is lost.
 */
export type ConflictDoc<T = Record<string, unknown>> = WireDoc<T> & { _refusal?: string; _refusalCode?: RefusalCode };

/** `POST /api/sync/:collection/push?answer=patch` asks for the compact answer (PushPatch). */
export const pushQuerySchema = z.strictObject({ answer: z.enum(['full', 'patch']).optional() });
export type PushQuery = z.infer<typeof pushQuerySchema>;

/**
 * In the compact answer (what the web app asks for), a write the server accepted but stored with
 * fields of its own — a submit, stored published with its rejection cleared — comes back as just
 * those fields, which the device applies to the state it pushed (`expandPushAnswer`); a push of
 * 100 submits answered ~130 KB of documents the device already had. Conflicts and refusals come
 * back in full.
 *
 * The stored state must come back at all, though the live stream carries it too: the stream's
 * copy arrives while the push is still in flight, and RxDB's downstream skips a document that
 * has a local write not yet pushed — so without the answer the device would keep "submitted"
 * until its next RESYNC. The pending tracker (web/src/lib/data/pending.ts) sees the expanded
 * answer, exactly as before.
 */
export type PushPatch = { id: string; _patch: Record<string, unknown> };
export type PushAnswer<T = Record<string, unknown>> = Array<ConflictDoc<T> | PushPatch>;

export const isPushPatch = (item: ConflictDoc<unknown> | PushPatch): item is PushPatch => '_patch' in item;

/** The full answer (RxDB's conflicts) from a compact one and the rows this device pushed. */
export function expandPushAnswer<T = Record<string, unknown>>(
  rows: readonly { newDocumentState: Record<string, unknown> }[],
  answer: PushAnswer<T>,
): ConflictDoc<T>[] {
  if (!answer.some(isPushPatch)) return answer as ConflictDoc<T>[];
  const pushed = new Map(rows.map((r) => [String(r.newDocumentState.id), r.newDocumentState]));
  return answer.map((item) => {
    if (!isPushPatch(item)) return item;
    const base = pushed.get(item.id);
    // Only a row of this very push is ever answered with a patch.
    if (!base) throw new Error(`The server answered with changes to ${item.id}, which this push did not send.`);
    return { ...base, ...item._patch } as ConflictDoc<T>;
  });
}

/** One Server-Sent Event on /api/sync/stream. */
export type StreamEvent = { collection: string; documents: WireDoc<Record<string, unknown>>[]; checkpoint: Checkpoint } | 'RESYNC';
