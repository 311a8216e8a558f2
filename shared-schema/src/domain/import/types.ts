import type { WeightUnit } from '../../docs/common.ts';
import type { ImportSet, ImportSource } from '../../import.ts';

/** What a history file reads as (csv.ts), before its names are matched (match.ts). */
export interface ParsedExercise {
  name: string;
  /** Spotter's own export names its exercise ids: a reimport matches them first. */
  sourceId: string | null;
  /** When it was logged, where the file says (Spotter's logged_at). */
  loggedAt: string | null;
  unit: WeightUnit;
  notes: string;
  sets: ImportSet[];
}

export interface ParsedWorkout {
  key: string;
  date: string;
  startedAt: string;
  endedAt: string | null;
  title: string;
  notes: string;
  exercises: ParsedExercise[];
}

export interface ParsedHistory {
  source: ImportSource;
  workouts: ParsedWorkout[];
  rows: number;
}

export interface ParseOptions {
  /** The unit of a file that does not say (Strong's newer export is in the app's unit). */
  unit: WeightUnit;
  /** The time zone the file's wall-clock times are in (the device's). */
  timeZone: string;
}

/** One row read by a format: which workout and exercise it belongs to, and its set. */
export interface ReadRow {
  workout: Omit<ParsedWorkout, 'exercises'>;
  exercise: Omit<ParsedExercise, 'sets'>;
  set: Omit<ImportSet, 'order'>;
}

