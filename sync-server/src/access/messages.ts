import { canSee, ratingId, refusal, type CollectionName, type Message, type TrainingSession, type Viewer } from '@spotter/shared';
import type { Stored } from '../storage/repository.ts';
import { refuse, write, type Decision } from './decision.ts';
import type { ViewerRelations } from './relations.ts';

/**
 * What a message's rules look at, loaded by access-io/facts.ts: the document it is about
 * (`target`, found in `targetCollection`: a comment on a log not yet synced is judged against
 * its session) and, for a comment on one exercise, the session that prescribes it.
 */
export interface MessageFacts {
  viewer: Viewer;
  rel: ViewerRelations;
  target: Stored | null;
  targetCollection: CollectionName | null;
  session: Stored | null;
}

/**
 * A comment's target must exist and be visible to its author (the shape of the fields was
 * checked by the pure rules, messageShapeRefusal). Plain messages have no target.
 */
export function decideMessage(f: MessageFacts, next: Message): Decision {
  if (next.kind === 'view') return decideView(f, next);
  if (next.kind !== 'comment') return write(next);
  if (next.targetType === 'recommendation') return decideRating(f, next);
  const { target, targetCollection } = f;
  // The author must see what they comment on, and the comment belongs to the target's client.
  if (!target || !targetCollection || target.deleted || !canSee(f.viewer, targetCollection, target.doc, f.rel) || target.doc.clientId !== next.clientId) {
    return refuse(refusal('comment_target_hidden', { targetType: String(next.targetType) }));
  }
  if (next.targetEntryId !== null) {
    // One exercise's log: a prescription of the session (a log's entries are keyed by
    // prescription id). Checked against the session, not the log, so it also holds before the
    // log (or that entry of it) arrives.
    const prescribed = (f.session?.doc as TrainingSession | undefined)?.exercises ?? [];
    if (!prescribed.some((p) => p.id === next.targetEntryId)) return refuse(refusal('entry_not_prescribed'));
  }
  return write(next);
}

/**
 * A view counts an opening of a resource the client can see (shared with them by the coach it
 * names). A resource deleted since the client opened it offline is refused: there is nothing
 * left to count it on, and the device keeps the refused view with the reason.
 */
function decideView(f: MessageFacts, next: Message): Decision {
  const note = f.target;
  if (
    !note || note.deleted || note.doc.kind !== 'resource' || note.doc.clientId !== next.clientId || note.doc.coachId !== next.coachId ||
    !canSee(f.viewer, 'notes', note.doc, f.rel)
  ) {
    return refuse(refusal('resource_not_shared'));
  }
  return write(next);
}

/** Only the recommendation's own client rates it, and only once approved; one rating each. */
function decideRating(f: MessageFacts, next: Message): Decision {
  const rec = f.target;
  if (!rec || rec.deleted || rec.doc.clientId !== next.clientId || rec.doc.coachId !== next.coachId || !canSee(f.viewer, 'recommendations', rec.doc, f.rel)) {
    return refuse(refusal('rating_not_allowed'));
  }
  if (next.id !== ratingId(rec.doc.id)) return refuse(refusal('rating_id', { id: ratingId(rec.doc.id) }));
  return write(next);
}
