import { z } from 'zod';
import { fieldClocks, id, instant, text, weightUnit } from './common.ts';

/** What was prescribed when the client logged, so a later edit by the coach loses nothing. */
export const prescribedSnapshot = z.strictObject({
  sets: z.number().int().min(1).max(50),
  reps: text(20),
  weight: text(40),
  restSeconds: z.number().int().min(0).max(3600),
});

/**
 * One set as the client logged it (docs/DESIGN.md "Sets"). The target is the prescription's
 * text at the time; the actual values follow the exercise's kind (`setKindOf`): load × reps,
 * reps (plus optional added load) for bodyweight, seconds for a timed hold, distance and
 * seconds for cardio. A set is keyed by its own id in its entry's `sets` record, so two
 * devices adding sets offline both keep theirs (records merge key by key, lists whole).
 */
export const loggedSetSchema = z.strictObject({
  /** Order in the entry; ties (two devices appending at once) fall back to the id. */
  position: z.number().int().min(0).max(1000),
  warmup: z.boolean(),
  done: z.boolean(),
  targetReps: text(20),
  targetWeight: text(40),
  reps: z.number().int().min(0).max(1000).nullable(),
  /** In the entry's weightUnit; for bodyweight work, the added load. */
  load: z.number().min(0).max(2000).nullable(),
  seconds: z.number().int().min(0).max(86_400).nullable(),
  distanceM: z.number().min(0).max(1_000_000).nullable(),
  /** Rate of perceived exertion, 1–10 in half steps; optional. */
  rpe: z.number().min(1).max(10).multipleOf(0.5).nullable(),
});
export type LoggedSet = z.infer<typeof loggedSetSchema>;

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
  /**
   * The sets, keyed by set id. Optional: a log written before sets (or by an app version
   * without them) has none, and its summary numbers above stand for it. When present, the
   * summary numbers are derived from the sets on every write.
   */
  sets: z.record(id, loggedSetSchema).refine((s) => Object.keys(s).length <= 100, 'at most 100 sets per exercise').optional(),
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
