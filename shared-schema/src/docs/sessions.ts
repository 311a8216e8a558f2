import { z } from 'zod';
import { calendarDate, fieldClocks, id, instant, optionalId, text } from './common.ts';
import { optionalMedia } from './media.ts';

/** One prescribed exercise inside a session (docs/DESIGN.md "Training sessions"). */
export const prescriptionSchema = z.strictObject({
  id,
  exerciseId: id,
  sets: z.number().int().min(1).max(50),
  reps: text(20).min(1), // "10", "8-12", "AMRAP"
  weight: text(40), // "60 kg", "135 lb", "bodyweight", "70% 1RM"
  restSeconds: z.number().int().min(0).max(3600),
  notes: text(1000),
  // Consecutive prescriptions with the same group are one superset or circuit, done round by
  // round (docs/DESIGN.md "Supersets and circuits"). Optional: older sessions stay valid.
  group: optionalId.optional(),
  // A photo or video the coach attached to this prescription (docs/DESIGN.md "Media storage").
  media: optionalMedia,
});
export type Prescription = z.infer<typeof prescriptionSchema>;

/**
 * draft: the coach's queue, never visible to the client.
 * submitted: the coach asked to publish; only ever a local state — the server answers with
 *   published, or with draft plus a rejection reason (docs/DESIGN.md "The draft queue").
 * published: visible to the client.
 */
export const sessionStatus = z.enum(['draft', 'submitted', 'published']);
export type SessionStatus = z.infer<typeof sessionStatus>;

/**
 * A training session with its ordered prescriptions in one document, so a client never sees
 * a session without its exercises (docs/DESIGN.md "One document arrives whole"). Coach-written
 * only (docs/DESIGN.md "One writer per document").
 */
export const sessionSchema = z.strictObject({
  id,
  coachId: id,
  clientId: id,
  dueDate: calendarDate,
  title: text(120),
  notes: text(2000),
  exercises: z.array(prescriptionSchema).max(60),
  status: sessionStatus,
  // Set by the device at each "Submit"; the server stores it with its decision, which is how
  // a device tells "the server answered this submit" from "not seen yet" (merge.ts).
  submittedAt: instant.nullable(),
  // Why the server refused the last submit; cleared by the device when it submits again.
  rejection: text(500).nullable(),
  planId: optionalId,
  createdAt: instant,
  updatedAt: instant,
  fieldClocks,
});
export type TrainingSession = z.infer<typeof sessionSchema>;
