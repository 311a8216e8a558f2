import { z } from 'zod';
import { fieldClocks, id, instant, text, weightUnit } from './common.ts';

/** What was prescribed when the client logged, so a later edit by the coach loses nothing. */
export const prescribedSnapshot = z.strictObject({
  sets: z.number().int().min(1).max(50),
  reps: text(20),
  weight: text(40),
  restSeconds: z.number().int().min(0).max(3600),
});

/** The client's record against one prescribed exercise (docs/DESIGN.md "Workout logs"). */
export const logEntrySchema = z.strictObject({
  exerciseId: id,
  setsCompleted: z.number().int().min(0).max(100).nullable(),
  repsCompleted: z.number().int().min(0).max(1000).nullable(),
  weightUsed: z.number().min(0).max(2000).nullable(),
  weightUnit,
  durationMinutes: z.number().min(0).max(1440).nullable(),
  completedAsPrescribed: z.boolean(),
  results: text(1000),
  notes: text(1000),
  difficulty: z.number().int().min(1).max(5).nullable(),
  prescribed: prescribedSnapshot,
  loggedAt: instant,
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/**
 * A client's log of one session: every exercise entry, keyed by prescription id, plus the
 * completion. Client-written only (docs/DESIGN.md "One writer per document"). Its id is derived from the session
 * (`sessionLogId`) so two of the client's devices logging offline meet in one document and
 * merge field by field instead of creating duplicates.
 */
export const sessionLogSchema = z.strictObject({
  id,
  sessionId: id,
  clientId: id,
  coachId: id,
  entries: z.record(id, logEntrySchema),
  completedAt: instant.nullable(),
  updatedAt: instant,
  fieldClocks,
});
export type SessionLog = z.infer<typeof sessionLogSchema>;

export const sessionLogId = (sessionId: string) => `log.${sessionId}`;
