import { describe, expect, it } from 'vitest';
import { messageSchema, messageShapeRefusal } from '@spotter/shared';
import { message, recommendation } from '@spotter/shared/fixtures.ts';
import { engineRatings, ratingDoc, ratingOf } from './ratings.ts';

const NOW = '2026-03-12T10:00:00.000Z';
const rec = recommendation({ id: 'rec-a', status: 'approved', kind: 'deload' });

describe('ratings', () => {
  it('a new rating is a valid client comment on the recommendation; an empty comment is allowed', () => {
    const doc = ratingDoc(rec, 5, '   ', undefined, NOW);
    expect(messageSchema.parse(doc)).toEqual(doc);
    expect(messageShapeRefusal(doc)).toBeNull();
    expect(doc).toMatchObject({ id: 'rating.rec-a', authorId: rec.clientId, coachId: rec.coachId, rating: 5, body: '' });
  });

  it('rating again keeps the document and its creation time', () => {
    const first = ratingDoc(rec, 2, 'Meh', undefined, NOW);
    const again = ratingDoc(rec, 4, 'Better after a week', first, '2026-03-19T10:00:00.000Z');
    expect(again).toEqual({ ...first, rating: 4, body: 'Better after a week', updatedAt: '2026-03-19T10:00:00.000Z' });
    expect(ratingOf([message(), again], rec.id)).toBe(again);
  });

  it('the engine gets each rating with its recommendation kind, and nothing else', () => {
    const msgs = [
      ratingDoc(rec, 2, '', undefined, NOW),
      ratingDoc(recommendation({ id: 'rec-gone' }), 5, '', undefined, NOW), // not on this device
      message({ kind: 'comment', targetType: 'session', targetId: 'ses-1' }),
      message(),
    ];
    expect(engineRatings(msgs, [rec, recommendation({ id: 'rec-b', kind: 'progression' })])).toEqual([{ kind: 'deload', rating: 2 }]);
  });
});
