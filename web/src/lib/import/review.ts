import type { Exercise, MovementPattern, NameDecision } from '@spotter/shared';

/** What a person picks for an unmatched name. */
export type Choice = { kind: 'map'; exerciseId: string } | { kind: 'custom'; pattern: MovementPattern } | { kind: 'skip' } | null;

/** A custom exercise's type follows the pattern the person picked. */
const typeOf = (p: MovementPattern): Exercise['type'] => (p === 'cardio' ? 'cardio' : p === 'mobility' ? 'flexibility' : 'strength');

export function decisionOf(choice: Choice): NameDecision | null {
  if (!choice) return null;
  if (choice.kind === 'map') return choice.exerciseId ? { kind: 'library', exerciseId: choice.exerciseId } : null;
  if (choice.kind === 'custom') return { kind: 'custom', type: typeOf(choice.pattern), pattern: choice.pattern };
  return { kind: 'skip' };
}
