import { z } from 'zod';
import { calendarDate, id, instant, text, weightUnit } from './docs/common.ts';
import { exerciseType, movementPattern } from './docs/exercises.ts';

/**
 * The wire shape of `POST /api/import` (docs/DESIGN.md "Import"): a workout history the device
 * parsed, matched and had reviewed, committed whole or not at all. The server derives every id
 * from the content (`import-ids`), so the same file sent twice creates nothing new.
 */

export const importSource = z.enum(['strong', 'hevy', 'spotter']);
export type ImportSource = z.infer<typeof importSource>;

/** What a file's exercise name became in the review step (skipped names are not sent). */
export const importExerciseSchema = z.discriminatedUnion('kind', [
  // An exercise the client can already see (shared, or their coach's own).
  z.strictObject({ kind: z.literal('library'), exerciseId: id }),
  // A catalogue entry, taken into the coach's library like the builder does (adoptedId).
  z.strictObject({
    kind: z.literal('catalogue'), catalogueId: id, name: text(120).min(1), type: exerciseType, pattern: movementPattern,
    muscleGroups: z.array(text(40)).max(12),
  }),
  // A new exercise of the coach's own, named as in the file.
  z.strictObject({ kind: z.literal('custom'), name: text(120).min(1), type: exerciseType, pattern: movementPattern }),
]);
export type ImportExercise = z.infer<typeof importExerciseSchema>;

/** One set as the file had it; load in the exercise's unit. */
export const importSetSchema = z.strictObject({
  /** The source's set number (Strong's Set Order, Hevy's set_index), part of the set's id. */
  order: z.number().int().min(0).max(10_000),
  warmup: z.boolean(),
  done: z.boolean(),
  reps: z.number().int().min(0).max(1000).nullable(),
  load: z.number().min(0).max(2000).nullable(),
  seconds: z.number().int().min(0).max(86_400).nullable(),
  distanceM: z.number().min(0).max(1_000_000).nullable(),
  rpe: z.number().min(1).max(10).multipleOf(0.5).nullable(),
  targetReps: text(20),
  targetWeight: text(40),
});
export type ImportSet = z.infer<typeof importSetSchema>;

export const importWorkoutSchema = z.strictObject({
  /** What identifies the workout in its source (Strong/Hevy: its start; Spotter: its session id). */
  key: text(120).min(1),
  date: calendarDate,
  startedAt: instant,
  endedAt: instant.nullable(),
  title: text(120),
  notes: text(2000),
  exercises: z.array(z.strictObject({
    /** Index into the request's `exercises`. */
    exercise: z.number().int().min(0).max(999),
    unit: weightUnit,
    notes: text(1000),
    /** When the block was logged, where the file says (Spotter's logged_at); else the workout's end. */
    loggedAt: instant.nullable(),
    sets: z.array(importSetSchema).min(1).max(100),
  })).min(1).max(60),
});
export type ImportWorkout = z.infer<typeof importWorkoutSchema>;

export const importRequestSchema = z.strictObject({
  clientId: id,
  source: importSource,
  exercises: z.array(importExerciseSchema).max(1000),
  workouts: z.array(importWorkoutSchema).min(1).max(10_000),
}).superRefine((r, ctx) => {
  r.workouts.forEach((w, i) => w.exercises.forEach((e, j) => {
    if (e.exercise >= r.exercises.length) ctx.addIssue({ code: 'custom', path: ['workouts', i, 'exercises', j, 'exercise'], message: 'names no exercise of the request' });
  }));
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const importAnswerSchema = z.strictObject({
  /** Workouts written now, and those an earlier import of the same history already wrote. */
  created: z.number().int(),
  existing: z.number().int(),
  sets: z.number().int(),
  exercisesCreated: z.number().int(),
});
export type ImportAnswer = z.infer<typeof importAnswerSchema>;
