import type { TrainingSession } from '../docs/sessions.ts';

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
 * reason is the one the coach sees in the builder (DESIGN.md "The draft queue").
 */
export function publishRefusal(session: Pick<TrainingSession, 'dueDate' | 'exercises'>, ctx: PublishContext): string | null {
  // Assignment first: nothing else matters if this coach may not program this client.
  if (!ctx.clientAssigned) return 'This client is no longer assigned to you.';
  // A calendar date is not late until the day is over, so today still counts as the future.
  if (session.dueDate < ctx.today) return `The due date ${session.dueDate} has passed; pick today or a later day.`;
  // A session with nothing in it is a mistake, not a workout.
  if (session.exercises.length === 0) return 'Add at least one exercise before submitting.';
  const missing = session.exercises.find((p) => !ctx.exerciseExists(p.exerciseId));
  if (missing) return 'An exercise in this session is no longer in the library.';
  const ids = new Set<string>();
  for (const p of session.exercises) {
    if (ids.has(p.id)) return 'The same prescription appears twice.';
    ids.add(p.id);
    if (p.reps.trim() === '') return 'Every exercise needs reps (e.g. 10, 8-12, AMRAP).';
  }
  return null;
}
