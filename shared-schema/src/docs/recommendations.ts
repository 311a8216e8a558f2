import { z } from 'zod';
import { fieldClocks, id, instant, optionalId, text } from './common.ts';
import { movementPattern } from './exercises.ts';

export const recommendationKind = z.enum(['progression', 'deload', 'neglected', 'reschedule', 'custom']);
export const recommendationStatus = z.enum(['pending', 'approved', 'dismissed']);

/** Rule-engine suggestions (docs/DESIGN.md "Recommendations engine") that a coach approves before the client sees them. */
export const recommendationSchema = z.strictObject({
  id,
  coachId: id,
  clientId: id,
  kind: recommendationKind,
  priority: z.number().int().min(1).max(3),
  pattern: movementPattern.nullable(),
  exerciseId: optionalId,
  title: text(200).min(1),
  reason: text(2000),
  status: recommendationStatus,
  createdAt: instant,
  updatedAt: instant,
  fieldClocks,
});
export type Recommendation = z.infer<typeof recommendationSchema>;
