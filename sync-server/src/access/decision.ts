import type { CollectionName, Refusal } from '@spotter/shared';
import type { Doc } from '../storage/mappers.ts';

/**
 * What a write decider asks the caller to do besides writing the document itself: put another
 * document (plan activation schedules sessions and ends the previous plan), or give every
 * document of a client a new seq (an assignment changed who sees them; access-io/apply.ts).
 */
export type Effect =
  | { kind: 'put'; collection: CollectionName; doc: Doc; deleted: boolean }
  | { kind: 'bump-client'; clientId: string; coachIds: readonly string[] };

/**
 * The answer of every decider in this folder: refuse with a refusal (shared refusals.ts: its
 * code and the sentence shown to the person), or
 * write `doc` (possibly adjusted by the server). `refusal` on a write also goes back to the
 * device (a refused submit is stored as a draft with its reason). `before` runs before the
 * document is written and `after` after it, all in the same transaction.
 */
export type Decision =
  | { kind: 'write'; doc: Doc; refusal?: Refusal; before?: readonly Effect[]; after?: readonly Effect[] }
  | { kind: 'refuse'; refusal: Refusal };

export const write = (doc: Doc): Decision => ({ kind: 'write', doc });
export const refuse = (refusal: Refusal): Decision => ({ kind: 'refuse', refusal });
