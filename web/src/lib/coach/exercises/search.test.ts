import { describe, expect, it } from 'vitest';
import { exercise } from '@spotter/shared/fixtures.ts';
import { searchExercises } from './search.ts';

const library = [
  exercise({ id: 'bs', name: 'Back Squat', type: 'strength', pattern: 'squat', muscleGroups: ['quads', 'glutes'] }),
  exercise({ id: 'fs', name: 'Front Squat', type: 'strength', pattern: 'squat', muscleGroups: ['quads'] }),
  exercise({ id: 'sq', name: 'Squat Jump', type: 'cardio', pattern: 'squat', muscleGroups: [] }),
  exercise({ id: 'row', name: 'Rowing Machine', type: 'cardio', pattern: 'cardio', muscleGroups: ['back'] }),
  exercise({ id: 'pu', name: 'Pull-up', type: 'strength', pattern: 'pull', muscleGroups: ['lats', 'back'] }),
];

describe('searchExercises', () => {
  it.each([
    ['', ['bs', 'fs', 'pu', 'row', 'sq']], // everything, alphabetical
    ['squat', ['sq', 'bs', 'fs']], // name starts with the query first
    ['SQUAT', ['sq', 'bs', 'fs']],
    ['quads', ['bs', 'fs']], // muscle groups
    ['back', ['bs', 'pu', 'row']], // name "Back Squat" first, then muscles
    ['cardio', ['row', 'sq']], // type
    ['squat front', ['fs']], // every word, any order
    ['pull up', ['pu']], // words match inside "Pull-up"
    ['pull', ['pu']],
    ['deadlift', []],
  ])('"%s" → %o', (q, ids) => {
    expect(searchExercises(library, q).map((e) => e.id)).toEqual(ids);
  });
});
