import type { WeightUnit } from '../docs/common.ts';
import type { LogEntry, SessionLog } from '../docs/logs.ts';
import type { Prescription, TrainingSession } from '../docs/sessions.ts';
import { repRange } from './recommendations.ts';

/**
 * Logging a prescribed exercise (docs/DESIGN.md "Logging a workout"): the form is prefilled from the
 * prescription so an as-prescribed exercise is one tap, and the session shows what was skipped.
 */

/** What a prescription's free-text weight says. */
export type ParsedWeight =
  | { kind: 'load'; value: number; unit: WeightUnit }
  | { kind: 'bodyweight' }
  | { kind: 'percent'; percent: number }
  | { kind: 'none' }
  | { kind: 'other' };

const UNIT_WORDS: Record<string, WeightUnit> = { kg: 'kg', kgs: 'kg', kilo: 'kg', kilos: 'kg', lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb' };

// Coaches type weights as text (docs/DESIGN.md "Training sessions"): "60 kg", "135lbs", "62,5 kg", "BW",
// "70% 1RM". A bare number is in the reader's own unit, the only sensible guess.
export function parseWeight(text: string, units: WeightUnit): ParsedWeight {
  const t = text.trim().toLowerCase();
  if (t === '') return { kind: 'none' };
  if (/^(bw|body ?weight)$/.test(t)) return { kind: 'bodyweight' };
  const pct = /^(\d+(?:[.,]\d+)?)\s*%/.exec(t);
  if (pct) return { kind: 'percent', percent: Number(pct[1].replace(',', '.')) };
  const load = /^(\d+(?:[.,]\d+)?)\s*([a-z]+)?\.?$/.exec(t);
  if (load && (!load[2] || UNIT_WORDS[load[2]])) {
    return { kind: 'load', value: Number(load[1].replace(',', '.')), unit: load[2] ? UNIT_WORDS[load[2]] : units };
  }
  return { kind: 'other' };
}

// Reps prefill with the BOTTOM of a range ("8-12" -> 8): the least that still counts as
// prescribed. Prefilling the top would turn every one-tap log into "hit the top of the range",
// which is exactly what triggers a progression recommendation. "AMRAP", "30 s" -> null: only
// the client knows.
export const prefillReps = (reps: string): number | null => repRange(reps)?.min ?? null;

// Cardio is prescribed as a time in the reps field ("1 × 20 min"): that is the duration to
// prefill, so a run done as prescribed is one tap too. Other reps text has no duration.
export function prefillMinutes(reps: string): number | null {
  const m = /^(\d+(?:[.,]\d+)?)\s*(?:m|mins?|minutes?)\.?$/i.exec(reps.trim());
  return m ? Number(m[1]!.replace(',', '.')) : null;
}

/**
 * A log entry exactly as prescribed, ready for "Save log". A load keeps the unit the coach
 * wrote (the entry records its own unit, and converting 135 lb to 61.2 kg would prefill a
 * weight no plate set makes); bodyweight, %1RM and free text leave the weight empty.
 */
export function prefillEntry(prescription: Prescription, units: WeightUnit, loggedAt: string): LogEntry {
  const weight = parseWeight(prescription.weight, units);
  return {
    exerciseId: prescription.exerciseId,
    setsCompleted: prescription.sets,
    repsCompleted: prefillReps(prescription.reps),
    weightUsed: weight.kind === 'load' ? weight.value : null,
    weightUnit: weight.kind === 'load' ? weight.unit : units,
    durationMinutes: prefillMinutes(prescription.reps),
    completedAsPrescribed: true,
    results: '',
    notes: '',
    difficulty: null,
    prescribed: { sets: prescription.sets, reps: prescription.reps, weight: prescription.weight, restSeconds: prescription.restSeconds },
    loggedAt,
  };
}

// An entry counts as done when it says something was done: as prescribed, some sets, or some
// minutes (cardio). An entry saved with 0 sets is how a client records "skipped", on purpose.
export const isDoneEntry = (entry: LogEntry | undefined): boolean =>
  !!entry && (entry.completedAsPrescribed || (entry.setsCompleted ?? 0) > 0 || (entry.durationMinutes ?? 0) > 0);

/**
 * Prescriptions with nothing done, in session order. A session may be completed with
 * exercises skipped (docs/DESIGN.md "Workout logs"), and the coach must see which.
 */
export const skippedExercises = (session: Pick<TrainingSession, 'exercises'>, log: SessionLog | null | undefined): Prescription[] =>
  session.exercises.filter((p) => !isDoneEntry(log?.entries[p.id]));

/**
 * Counts against the session's current prescriptions; an entry for a prescription the coach
 * has since removed stays in the log (nothing is lost) but is not part of this session's total.
 */
export function completionSummary(session: Pick<TrainingSession, 'exercises'>, log: SessionLog | null | undefined): { logged: number; skipped: number; total: number } {
  const skipped = skippedExercises(session, log).length;
  const total = session.exercises.length;
  return { logged: total - skipped, skipped, total };
}
