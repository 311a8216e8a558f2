import { z } from 'zod';
import { calendarDate, fieldClocks, id, instant, optionalId, text } from './common.ts';
import { prescriptionSchema } from './sessions.ts';

export const weekday = z.enum(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
export type Weekday = z.infer<typeof weekday>;

export const planStatus = z.enum(['draft', 'active', 'completed', 'archived']);

/** A workout plan template (docs/DESIGN.md "Workout plans"): exercises by day of week; activating it schedules sessions. */
export const planSchema = z.strictObject({
  id,
  coachId: id,
  clientId: id,
  assignmentId: optionalId,
  title: text(120).min(1),
  description: text(4000),
  goals: text(1000),
  durationWeeks: z.number().int().min(1).max(52),
  startDate: calendarDate.nullable(),
  status: planStatus,
  days: z.array(z.strictObject({ day: weekday, exercises: z.array(prescriptionSchema).max(30) })).max(7),
  createdAt: instant,
  updatedAt: instant,
  fieldClocks,
});
export type Plan = z.infer<typeof planSchema>;
