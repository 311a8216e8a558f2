import { z } from 'zod';
import { calendarDate, fieldClocks, id, instant, optionalId, text } from './common.ts';

export const assignmentStatus = z.enum(['active', 'paused', 'completed']);
export type AssignmentStatus = z.infer<typeof assignmentStatus>;

/** Ties a client to a coach (docs/DESIGN.md "Assignments"). Written by admins only. */
export const assignmentSchema = z.strictObject({
  id,
  clientId: id,
  coachId: id,
  status: assignmentStatus,
  assignedBy: optionalId,
  startDate: calendarDate.nullable(),
  endDate: calendarDate.nullable(),
  notes: text(2000),
  createdAt: instant,
  updatedAt: instant,
  fieldClocks,
});
export type Assignment = z.infer<typeof assignmentSchema>;
