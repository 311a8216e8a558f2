import { describe, expect, it } from 'vitest';
import { decisionOf } from './review.ts';

describe('decisionOf', () => {
  it.each([
    // Not chosen yet, or "map" without an exercise: still to review.
    ['nothing chosen', null, null],
    ['map without an exercise', { kind: 'map', exerciseId: '' }, null],
    ['map to an exercise', { kind: 'map', exerciseId: 'ex.1' }, { kind: 'library', exerciseId: 'ex.1' }],
    // A custom exercise's type follows its movement: cardio counts minutes, mobility is flexibility.
    ['custom push', { kind: 'custom', pattern: 'push' }, { kind: 'custom', type: 'strength', pattern: 'push' }],
    ['custom cardio', { kind: 'custom', pattern: 'cardio' }, { kind: 'custom', type: 'cardio', pattern: 'cardio' }],
    ['custom mobility', { kind: 'custom', pattern: 'mobility' }, { kind: 'custom', type: 'flexibility', pattern: 'mobility' }],
    ['skip', { kind: 'skip' }, { kind: 'skip' }],
  ] as const)('%s', (_name, choice, decision) => expect(decisionOf(choice)).toEqual(decision));
});
