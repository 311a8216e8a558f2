import { format, parseISO, startOfISOWeek } from 'date-fns';
import { calendarDateOf } from './dates.ts';
import type { WeightUnit } from '../docs/common.ts';
import type { Exercise, MovementPattern } from '../docs/exercises.ts';
import type { LogEntry, SessionLog } from '../docs/logs.ts';
import type { TrainingSession } from '../docs/sessions.ts';

/**
 * Progress metrics (docs/DESIGN.md "Progress"), computed on the device from local documents.
 * Every weight is converted to the viewer's unit BEFORE it is summed or compared, and rounded
 * only for display (`roundWeight`), so kg and lb views of the same history agree.
 */

/** Exact by definition (international pound, 1959). */
export const KG_PER_LB = 0.45359237;

export function convertWeight(value: number, from: WeightUnit, to: WeightUnit): number {
  if (from === to) return value;
  return from === 'lb' ? value * KG_PER_LB : value / KG_PER_LB;
}

/** One decimal: enough for 2.5 kg plates and 0.1 lb rounding noise; used for every displayed weight. */
export const roundWeight = (value: number): number => Math.round(value * 10) / 10;

/** The calendar day an instant fell on for the client (their zone; the device's by default). */
export const dayOfInstant = (instant: string, timeZone?: string): string => calendarDateOf(instant, timeZone);

/** Monday of the ISO week holding `date` (YYYY-MM-DD). */
export const weekStartOf = (date: string): string => format(startOfISOWeek(parseISO(date)), 'yyyy-MM-dd');

export interface DateRange {
  /** Inclusive YYYY-MM-DD bounds; null means open. */
  from: string | null;
  to: string | null;
}
export const inRange = (date: string, r: DateRange): boolean => (r.from === null || date >= r.from) && (r.to === null || date <= r.to);

/** Tonnage = sets × reps × weight (in `unit`); a missing number means nothing was lifted. */
export function tonnage(entry: Pick<LogEntry, 'setsCompleted' | 'repsCompleted' | 'weightUsed' | 'weightUnit'>, unit: WeightUnit): number {
  const { setsCompleted: s, repsCompleted: r, weightUsed: w } = entry;
  if (!s || !r || !w) return 0;
  return s * r * convertWeight(w, entry.weightUnit, unit);
}

export const EPLEY_FORMULA = 'Estimated 1RM (Epley) = weight × (1 + reps ÷ 30); a single rep is the weight itself.';

/** Epley's estimate; null when there is nothing to estimate from. */
export function estimatedOneRepMax(weight: number | null, reps: number | null): number | null {
  if (!weight || !reps || weight <= 0 || reps <= 0) return null;
  return reps === 1 ? weight : weight * (1 + reps / 30);
}

/** A logged entry flattened with its date, for series and records. */
export interface Performed {
  sessionId: string;
  exerciseId: string;
  date: string;
  sets: number;
  reps: number;
  /** In the viewer's unit, unrounded. */
  weight: number;
  tonnage: number;
  e1rm: number | null;
  difficulty: number | null;
  completedAsPrescribed: boolean;
  entry: LogEntry;
}

/** Every entry with something done, in the viewer's unit, oldest first (ties by exercise id). */
export function performedEntries(
  logs: readonly SessionLog[],
  unit: WeightUnit,
  range: DateRange = { from: null, to: null },
  timeZone?: string,
): Performed[] {
  const out: Performed[] = [];
  for (const log of logs) {
    for (const entry of Object.values(log.entries)) {
      const date = dayOfInstant(entry.loggedAt, timeZone);
      if (!inRange(date, range)) continue;
      if (!entry.setsCompleted && !entry.durationMinutes) continue;
      const weight = entry.weightUsed ? convertWeight(entry.weightUsed, entry.weightUnit, unit) : 0;
      out.push({
        sessionId: log.sessionId,
        exerciseId: entry.exerciseId,
        date,
        sets: entry.setsCompleted ?? 0,
        reps: entry.repsCompleted ?? 0,
        weight,
        tonnage: tonnage(entry, unit),
        e1rm: estimatedOneRepMax(weight, entry.repsCompleted),
        difficulty: entry.difficulty,
        completedAsPrescribed: entry.completedAsPrescribed,
        entry,
      });
    }
  }
  return out.sort((a, b) => a.entry.loggedAt.localeCompare(b.entry.loggedAt) || a.exerciseId.localeCompare(b.exerciseId));
}

export interface ExercisePoint {
  date: string;
  tonnage: number;
  /** Best estimated 1RM of the day. */
  e1rm: number | null;
}

/** One point per day the exercise was done: the day's tonnage summed, its best 1RM estimate. */
export function exerciseSeries(performed: readonly Performed[], exerciseId: string): ExercisePoint[] {
  const byDay = new Map<string, ExercisePoint>();
  for (const p of performed) {
    if (p.exerciseId !== exerciseId) continue;
    const point = byDay.get(p.date) ?? { date: p.date, tonnage: 0, e1rm: null };
    point.tonnage += p.tonnage;
    if (p.e1rm !== null && (point.e1rm === null || p.e1rm > point.e1rm)) point.e1rm = p.e1rm;
    byDay.set(p.date, point);
  }
  return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export interface ExerciseRecord {
  exerciseId: string;
  /** Best set by estimated 1RM: the lift that best shows strength across rep counts. */
  bestSet: Performed | null;
  heaviest: Performed | null;
  mostTonnage: Performed | null;
  /** Times a new best estimated 1RM was set after the first session (a first lift is a baseline, not a PR). */
  prs: Performed[];
}

/** Best sets and personal records per exercise, scanning history oldest first. */
export function personalRecords(performed: readonly Performed[]): ExerciseRecord[] {
  const byExercise = new Map<string, ExerciseRecord>();
  for (const p of performed) {
    const rec = byExercise.get(p.exerciseId) ?? { exerciseId: p.exerciseId, bestSet: null, heaviest: null, mostTonnage: null, prs: [] };
    if (p.e1rm !== null) {
      if (rec.bestSet?.e1rm != null && p.e1rm > rec.bestSet.e1rm) rec.prs.push(p);
      if (rec.bestSet?.e1rm == null || p.e1rm > rec.bestSet.e1rm) rec.bestSet = p;
    }
    if (p.weight > 0 && (!rec.heaviest || p.weight > rec.heaviest.weight)) rec.heaviest = p;
    if (p.tonnage > 0 && (!rec.mostTonnage || p.tonnage > rec.mostTonnage.tonnage)) rec.mostTonnage = p;
    byExercise.set(p.exerciseId, rec);
  }
  return [...byExercise.values()].sort((a, b) => a.exerciseId.localeCompare(b.exerciseId));
}

/** Total tonnage per ISO week (Monday), weeks without training omitted. */
export function weeklyVolume(performed: readonly Performed[]): { weekStart: string; tonnage: number }[] {
  const byWeek = new Map<string, number>();
  for (const p of performed) byWeek.set(weekStartOf(p.date), (byWeek.get(weekStartOf(p.date)) ?? 0) + p.tonnage);
  return [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([weekStart, t]) => ({ weekStart, tonnage: t }));
}

export interface WeekCompletion {
  weekStart: string;
  /** Published sessions due that week (up to today). */
  due: number;
  completed: number;
  /** Completed on or before the due date. */
  onTime: number;
}

/**
 * Completion per ISO week of published sessions due in `range` and no later than today (a
 * session due later cannot be missed yet), by due date.
 */
export function completionPerWeek(
  sessions: readonly TrainingSession[],
  logs: readonly SessionLog[],
  today: string,
  range: DateRange = { from: null, to: null },
  timeZone?: string,
): WeekCompletion[] {
  const logBySession = new Map(logs.map((l) => [l.sessionId, l]));
  const byWeek = new Map<string, WeekCompletion>();
  for (const s of sessions) {
    if (s.status !== 'published' || s.dueDate > today || !inRange(s.dueDate, range)) continue;
    const completedAt = logBySession.get(s.id)?.completedAt ?? null;
    // A session due today counts only once done: the day is not over yet.
    if (s.dueDate === today && !completedAt) continue;
    const week = weekStartOf(s.dueDate);
    const w = byWeek.get(week) ?? { weekStart: week, due: 0, completed: 0, onTime: 0 };
    w.due += 1;
    if (completedAt) {
      w.completed += 1;
      if (dayOfInstant(completedAt, timeZone) <= s.dueDate) w.onTime += 1;
    }
    byWeek.set(week, w);
  }
  return [...byWeek.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}

/** Average difficulty (1–5) of each session log's rated entries, by the day it was logged. */
export function difficultySeries(performed: readonly Performed[]): { date: string; sessionId: string; average: number }[] {
  const bySession = new Map<string, { date: string; sum: number; n: number }>();
  for (const p of performed) {
    if (p.difficulty === null) continue;
    const s = bySession.get(p.sessionId) ?? { date: p.date, sum: 0, n: 0 };
    s.sum += p.difficulty;
    s.n += 1;
    if (p.date > s.date) s.date = p.date;
    bySession.set(p.sessionId, s);
  }
  return [...bySession.entries()]
    .map(([sessionId, s]) => ({ date: s.date, sessionId, average: Math.round((s.sum / s.n) * 10) / 10 }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId));
}

/** The radar's axes, in drawing order: training balance by movement pattern. */
export const BALANCE_PATTERNS: readonly MovementPattern[] = ['push', 'pull', 'squat', 'hinge', 'carry', 'core', 'cardio', 'mobility'];

/**
 * Training balance: working sets per movement pattern (cardio entries without sets count one
 * per logged entry), so a pattern's share is comparable whatever the loads.
 */
export function trainingBalance(performed: readonly Performed[], exercises: readonly Pick<Exercise, 'id' | 'pattern'>[]): Record<MovementPattern, number> {
  const patternOf = new Map(exercises.map((e) => [e.id, e.pattern]));
  const out = Object.fromEntries(BALANCE_PATTERNS.map((p) => [p, 0])) as Record<MovementPattern, number>;
  for (const p of performed) {
    const pattern = patternOf.get(p.exerciseId);
    if (pattern) out[pattern] += p.sets > 0 ? p.sets : 1;
  }
  return out;
}

