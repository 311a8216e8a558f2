import type { Performed } from './progress.ts';
import { catalogueMuscles, type CatalogueMuscle } from './catalogue.ts';

export interface MuscleShare {
  primary: readonly CatalogueMuscle[];
  secondary: readonly CatalogueMuscle[];
}

/**
 * Muscle balance (docs/DESIGN.md "Progress"): working sets per catalogue muscle. A set counts
 * whole for each muscle the exercise mainly trains and half for each it also works, so a
 * bench press adds to the chest more than to the triceps; cardio entries without sets count
 * one. Exercises whose muscles are unknown add nothing. Every muscle is listed (zero included)
 * so the chart's axes do not move between clients.
 */
export function muscleBalance(performed: readonly Performed[], musclesOf: (exerciseId: string) => MuscleShare | undefined): Record<CatalogueMuscle, number> {
  const out = Object.fromEntries(catalogueMuscles.map((m) => [m, 0])) as Record<CatalogueMuscle, number>;
  for (const p of performed) {
    const m = musclesOf(p.exerciseId);
    if (!m) continue;
    const sets = p.sets > 0 ? p.sets : 1;
    for (const muscle of m.primary) out[muscle] += sets;
    for (const muscle of m.secondary) if (!m.primary.includes(muscle)) out[muscle] += sets / 2;
  }
  return out;
}
