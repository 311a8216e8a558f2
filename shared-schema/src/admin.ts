import { z } from 'zod';
import { assignmentSchema } from './docs/assignments.ts';
import { id, text } from './docs/common.ts';
import { personSchema } from './docs/people.ts';
import { newPasswordSchema } from './domain/password.ts';

/** The trainer-profile half of a person (docs/DESIGN.md "Trainer profiles"). */
export const trainerProfileSchema = personSchema.pick({
  isPersonalTrainer: true,
  specializations: true,
  certifications: true,
  maxClients: true,
  hourlyRate: true,
  bio: true,
  yearsExperience: true,
});
export type TrainerProfile = z.infer<typeof trainerProfileSchema>;

/** POST /api/admin/trainers: an admin creates a coach account with its profile. */
export const newTrainerSchema = z.strictObject({
  email: z.email().max(200),
  firstName: z.string().min(1).max(80),
  lastName: z.string().max(80),
  password: newPasswordSchema,
  ...trainerProfileSchema.shape,
});
export type NewTrainer = z.infer<typeof newTrainerSchema>;

/**
 * POST /api/admin/assignments/bulk: every client to one trainer, all or nothing. A client who
 * has another active trainer is reassigned: that assignment ends (completed, end date) and
 * stays as history. One client is the "Assign Trainer" dialog.
 */
export const bulkAssignRequestSchema = z.strictObject({
  clientIds: z.array(id).min(1, 'Select at least one client.').max(200),
  coachId: id,
  notes: text(2000).optional(),
});
export type BulkAssignRequest = z.infer<typeof bulkAssignRequestSchema>;

export const bulkAssignResponseSchema = z.strictObject({
  /** The active assignments after the call, one per client. */
  assignments: z.array(assignmentSchema),
  /** Assignments this call ended. */
  ended: z.array(assignmentSchema),
});
export type BulkAssignResponse = z.infer<typeof bulkAssignResponseSchema>;
