import type { LogEntry, Prescription, WeightUnit } from '@spotter/shared';
import { snapshotOf } from './log-entry.ts';

/**
 * The log entry an exercise done exactly as prescribed would have, so "as prescribed" is one
 * tap. Prescriptions are free text; what cannot be read as a number is left empty for the
 * client to fill rather than guessed.
 */

/**
 * Reps: "10" → 10; a range "8-12" → 8, its lower bound: reaching the bottom of the range is
 * doing it as prescribed, and prefilling the top would tell the progression rules the client
 * maxed the range on a single tap. "AMRAP" → null (only the client knows).
 */
export function prefillReps(reps: string): number | null {
  const m = /^\s*(\d+)/.exec(reps);
  return m && !/min/i.test(reps) ? Number(m[1]) : null;
}

/** "20 min" in the reps of a cardio prescription is a duration. */
export function prefillDuration(reps: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*min/i.exec(reps);
  return m ? Number(m[1]) : null;
}

/**
 * Weight: "60 kg" → 60 kg, "135 lb"/"135lbs" → 135 lb, "60" → 60 in the client's units.
 * "bodyweight", "BW", "70% 1RM" → null: not a load the client can confirm without thinking.
 */
export function prefillWeight(weight: string, units: WeightUnit): { value: number | null; unit: WeightUnit } {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(kg|kgs|lb|lbs)?\s*$/i.exec(weight);
  if (!m) return { value: null, unit: units };
  const unit: WeightUnit = m[2] ? (m[2].toLowerCase().startsWith('kg') ? 'kg' : 'lb') : units;
  return { value: Number(m[1].replace(',', '.')), unit };
}

export function prefillEntry(p: Prescription, units: WeightUnit, now: string): LogEntry {
  const weight = prefillWeight(p.weight, units);
  return {
    exerciseId: p.exerciseId,
    setsCompleted: p.sets,
    repsCompleted: prefillReps(p.reps),
    weightUsed: weight.value,
    weightUnit: weight.unit,
    durationMinutes: prefillDuration(p.reps),
    completedAsPrescribed: true,
    results: '',
    notes: '',
    difficulty: null,
    prescribed: snapshotOf(p),
    loggedAt: now,
  };
}
