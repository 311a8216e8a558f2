import { ratingId, type Message, type Recommendation } from '@spotter/shared';

/**
 * Client feedback (docs/DESIGN.md "Recommendations engine"): the client rates an approved recommendation 1–5 with an optional
 * comment. A rating is the client's own `messages` document (a comment targeting the
 * recommendation), never a field of the coach's recommendation
 * (docs/DESIGN.md "One writer per document"). Its id is derived from the recommendation, so rating again changes the same
 * document, from any of the client's devices.
 */
export const RATING_LABELS: Record<number, string> = { 1: 'Not useful', 2: 'A little useful', 3: 'Useful', 4: 'Very useful', 5: 'Extremely useful' };

/** The client's rating of `recommendationId`, if any. */
export const ratingOf = (messages: readonly Message[], recommendationId: string): Message | undefined =>
  messages.find((m) => m.id === ratingId(recommendationId) && m.targetType === 'recommendation');

/** The rating document to write: the existing one changed, or a new one. */
export function ratingDoc(rec: Pick<Recommendation, 'id' | 'coachId' | 'clientId'>, rating: number, comment: string, existing: Message | undefined, now: string): Message {
  const body = comment.trim();
  if (existing) return { ...existing, rating, body, updatedAt: now };
  return {
    id: ratingId(rec.id), kind: 'comment', authorId: rec.clientId, authorRole: 'client', coachId: rec.coachId, clientId: rec.clientId,
    targetType: 'recommendation', targetId: rec.id, targetEntryId: null, rating, body, createdAt: now, updatedAt: now,
  };
}

/**
 * What the rules engine takes (`EngineInput.ratings`): each rating with the kind of the
 * recommendation it rates. A rating whose recommendation is not on the device is left out.
 */
export function engineRatings(messages: readonly Message[], recs: readonly Recommendation[]): { kind: Recommendation['kind']; rating: number }[] {
  const kindOf = new Map(recs.map((r) => [r.id, r.kind]));
  const out: { kind: Recommendation['kind']; rating: number }[] = [];
  for (const m of messages) {
    if (m.kind !== 'comment' || m.targetType !== 'recommendation' || m.rating === null) continue;
    const kind = kindOf.get(m.targetId ?? '');
    if (kind) out.push({ kind, rating: m.rating });
  }
  return out;
}
