import type { Exercise, WeightUnit } from '@spotter/shared';

/**
 * What a coach would plausibly prescribe for each demo exercise, and what a client lifts:
 * barbell lifts in kilograms (or pounds for a client who trains in lb), bodyweight moves with
 * no load, timed holds and stretches in seconds, cardio in minutes — never a loaded plank.
 */
interface Dose {
  sets: number;
  reps: string;
  /** Starting working load in kg for a novice; null for bodyweight, holds and cardio. */
  kg: number | null;
  /** Load added per week of steady training (kg). */
  stepKg: number;
  minutes?: number;
}

const byName: Record<string, Dose> = {
  'Barbell Back Squat': { sets: 3, reps: '5', kg: 50, stepKg: 2.5 },
  'Goblet Squat': { sets: 3, reps: '8-12', kg: 16, stepKg: 2 },
  'Front Squat': { sets: 3, reps: '5', kg: 40, stepKg: 2.5 },
  'Bulgarian Split Squat': { sets: 3, reps: '8-12', kg: 8, stepKg: 1 },
  'Walking Lunge': { sets: 3, reps: '10', kg: 10, stepKg: 1 },
  'Conventional Deadlift': { sets: 3, reps: '5', kg: 70, stepKg: 5 },
  'Romanian Deadlift': { sets: 3, reps: '8-12', kg: 40, stepKg: 2.5 },
  'Hip Thrust': { sets: 3, reps: '8-12', kg: 50, stepKg: 5 },
  'Kettlebell Swing': { sets: 4, reps: '15', kg: 16, stepKg: 1 },
  'Bench Press': { sets: 3, reps: '5', kg: 40, stepKg: 2.5 },
  'Incline Dumbbell Press': { sets: 3, reps: '8-12', kg: 14, stepKg: 1 },
  'Overhead Press': { sets: 3, reps: '5', kg: 25, stepKg: 1.25 },
  'Push-up': { sets: 3, reps: 'AMRAP', kg: null, stepKg: 0 },
  Dip: { sets: 3, reps: 'AMRAP', kg: null, stepKg: 0 },
  'Pull-up': { sets: 3, reps: 'AMRAP', kg: null, stepKg: 0 },
  'Lat Pulldown': { sets: 3, reps: '8-12', kg: 35, stepKg: 2.5 },
  'Barbell Row': { sets: 3, reps: '8-12', kg: 35, stepKg: 2.5 },
  'Seated Cable Row': { sets: 3, reps: '8-12', kg: 35, stepKg: 2.5 },
  'Face Pull': { sets: 3, reps: '15', kg: 12.5, stepKg: 1 },
  "Farmer's Carry": { sets: 3, reps: '40 metres', kg: 24, stepKg: 2 },
  'Suitcase Carry': { sets: 3, reps: '30 metres', kg: 16, stepKg: 2 },
  Plank: { sets: 3, reps: '45 s', kg: null, stepKg: 0 },
  'Dead Bug': { sets: 3, reps: '10', kg: null, stepKg: 0 },
  'Pallof Press': { sets: 3, reps: '10', kg: 10, stepKg: 1 },
  'Hanging Knee Raise': { sets: 3, reps: '12', kg: null, stepKg: 0 },
};

const KG_TO_LB = 2.2046226218;
/** Rounded to the plates a gym has: 2.5 kg or 5 lb. */
const plate = (kg: number, unit: WeightUnit) => (unit === 'kg' ? Math.round(kg / 2.5) * 2.5 : Math.round((kg * KG_TO_LB) / 5) * 5);

export function doseFor(ex: Exercise): Dose {
  if (ex.type === 'cardio') return { sets: 1, reps: ex.name === 'Assault Bike Intervals' ? '10 × 20 s' : '20 min', kg: null, stepKg: 0, minutes: ex.name === 'Assault Bike Intervals' ? 12 : 20 };
  if (ex.type === 'flexibility') return { sets: 2, reps: '30 s', kg: null, stepKg: 0 };
  return byName[ex.name] ?? { sets: 3, reps: '10', kg: null, stepKg: 0 };
}

/** The load text a coach writes on the prescription ("60 kg", "bodyweight", ""). */
export function prescribedLoad(ex: Exercise, dose: Dose, weeks: number, strength: number, unit: WeightUnit): string {
  if (ex.type !== 'strength') return '';
  if (dose.kg === null) return dose.reps.endsWith(' s') ? '' : 'bodyweight';
  return `${plate((dose.kg + dose.stepKg * weeks) * strength, unit)} ${unit}`;
}

/** The load lifted, in the client's unit, or null when nothing was held. */
export function liftedLoad(dose: Dose, weeks: number, strength: number, unit: WeightUnit): number | null {
  return dose.kg === null ? null : plate((dose.kg + dose.stepKg * weeks) * strength, unit);
}

/** Reps done: the top of a range on a good day, the prescribed number otherwise. */
export function repsDone(reps: string, good: boolean): number | null {
  const range = /^(\d+)(?:-(\d+))?$/.exec(reps);
  if (range) return Number(good ? (range[2] ?? range[1]) : range[1]);
  if (reps === 'AMRAP') return good ? 15 : 10;
  return null; // held for time, carried for distance, cardio
}
