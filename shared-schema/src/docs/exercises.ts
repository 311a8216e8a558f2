import { z } from 'zod';
import { fieldClocks, id, instant, optionalId, text, webUrl } from './common.ts';
import { optionalMedia } from './media.ts';

export const exerciseType = z.enum(['strength', 'cardio', 'flexibility', 'other']);
/** Movement patterns drive the training-balance radar (docs/DESIGN.md "Progress"). */
export const movementPattern = z.enum(['push', 'pull', 'squat', 'hinge', 'carry', 'core', 'cardio', 'mobility']);
export type MovementPattern = z.infer<typeof movementPattern>;

const videoUrl = webUrl(500);

/** The exercise library: shared entries have no owner (admin-written), a coach's own have ownerId. */
export const exerciseSchema = z.strictObject({
  id,
  ownerId: optionalId,
  name: text(120).min(1),
  description: text(4000),
  videoUrl,
  type: exerciseType,
  pattern: movementPattern,
  muscleGroups: z.array(text(40)).max(12),
  // The catalogue entry this exercise shows the photos and muscles of
  // (docs/DESIGN.md "Exercise catalogue"). Optional: exercises from before it stay valid.
  catalogueId: optionalId.optional(),
  // The coach's own photo or video of it (docs/DESIGN.md "Media storage"), by content hash.
  media: optionalMedia,
  updatedAt: instant,
  fieldClocks,
});
export type Exercise = z.infer<typeof exerciseSchema>;
