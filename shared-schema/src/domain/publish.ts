import type { TrainingSession } from '../docs/sessions.ts';
import { refusal, type Refusal } from '../refusals.ts';

export interface PublishContext {
  /** The client's calendar day (YYYY-MM-DD). */
  today: string;
  /** Is the session's client assigned to its coach right now? */
  clientAssigned: boolean;
  /** Does an exercise with this id exist in the library the coach may use? */
  exerciseExists: (id: string) => boolean;
}

/**
 * Why a session may not be published, or null. The rules fire in this order, and the first
 * reason is the one the coach sees in the builder (docs/DESIGN.md "The draft queue").
 */
export function publishRefusal(session: Pick<TrainingSession, 'dueDate' | 'exercises'>, ctx: PublishContext): Refusal | null {
  // Assignment first: nothing else matters if this coach may not program this client.
  if (!ctx.clientAssigned) return refusal('client_not_assigned');
  // A calendar date is not late until the day is over, so today still counts as the future.
  if (session.dueDate < ctx.today) return refusal('due_date_passed', { dueDate: session.dueDate });
  // A session with nothing in it is a mistake, not a workout.
  if (session.exercises.length === 0) return refusal('no_exercises');
  const missing = session.exercises.find((p) => !ctx.exerciseExists(p.exerciseId));
  if (missing) return refusal('exercise_not_in_library');
  const ids = new Set<string>();
  for (const p of session.exercises) {
    if (ids.has(p.id)) return refusal('prescription_repeated');
    ids.add(p.id);
    if (p.reps.trim() === '') return refusal('reps_missing');
  }
  return null;
}
