import { describe, expect, it } from 'vitest';
import { muscleBalance, type MuscleShare } from './muscle-balance.ts';
import type { Performed } from './progress.ts';

const done = (exerciseId: string, sets: number) => ({ exerciseId, sets }) as Performed;
const muscles: Record<string, MuscleShare> = {
  bench: { primary: ['chest'], secondary: ['shoulders', 'triceps'] },
  squat: { primary: ['quadriceps'], secondary: ['glutes'] },
  run: { primary: ['quadriceps'], secondary: ['calves'] },
  odd: { primary: ['chest'], secondary: ['chest'] },
};

describe('muscleBalance: working sets per muscle, secondary muscles half', () => {
  it.each<[string, Performed[], Record<string, number>]>([
    ['nothing logged: every muscle at zero', [], {}],
    ['a primary muscle counts each set, a secondary half', [done('bench', 3)], { chest: 3, shoulders: 1.5, triceps: 1.5 }],
    ['exercises add up', [done('bench', 3), done('squat', 4), done('bench', 2)], { chest: 5, shoulders: 2.5, triceps: 2.5, quadriceps: 4, glutes: 2 }],
    ['an entry without sets (cardio minutes) counts one', [done('run', 0)], { quadriceps: 1, calves: 0.5 }],
    ['unknown muscles add nothing', [done('mystery', 5)], {}],
    ['a muscle listed as both counts once, as primary', [done('odd', 2)], { chest: 2 }],
  ])('%s', (_, performed, nonZero) => {
    const out = muscleBalance(performed, (id) => muscles[id]);
    expect(Object.keys(out)).toHaveLength(17);
    expect(Object.fromEntries(Object.entries(out).filter(([, v]) => v > 0))).toEqual(nonZero);
  });
});
