import { refusal, type Assignment, type Exercise, type Refusal, type Viewer } from '@spotter/shared';

/**
 * Who may import a workout history for whom, and whose sessions it becomes
 * (docs/DESIGN.md "Import"). Pure: the service loads the client's assignments and asks.
 */
export type ImportAccess = { kind: 'allow'; coachId: string } | { kind: 'refuse'; status: 403 | 409; refusal: Refusal };

export function importAccess(viewer: Viewer, clientId: string, clientAssignments: readonly Assignment[]): ImportAccess {
  // A client imports their own history; a coach that of a client of theirs; an admin nobody's
  // (an admin sees no sessions or logs, so could not check what they wrote).
  if (viewer.role === 'admin') return { kind: 'refuse', status: 403, refusal: refusal('import_not_yours') };
  if (viewer.role === 'client' && viewer.id !== clientId) return { kind: 'refuse', status: 403, refusal: refusal('import_not_yours') };
  const current = clientAssignments.filter((a) => a.clientId === clientId && (a.status === 'active' || a.status === 'paused'));
  if (viewer.role === 'coach') {
    // The coach's clients are those with an active or paused assignment to them ("Who sees what").
    return current.some((a) => a.coachId === viewer.id)
      ? { kind: 'allow', coachId: viewer.id }
      : { kind: 'refuse', status: 403, refusal: refusal('import_not_yours') };
  }
  // Sessions are coach-written documents: the imported ones belong to the client's trainer,
  // the active one before a paused one, so the coach sees and can correct them.
  const coach = current.find((a) => a.status === 'active') ?? current[0];
  return coach ? { kind: 'allow', coachId: coach.coachId } : { kind: 'refuse', status: 409, refusal: refusal('import_needs_coach') };
}

/** A library exercise the import may use: live and visible to the client (shared, or their coach's own). */
export function importableExercise(exercise: Pick<Exercise, 'ownerId'> | null, deleted: boolean, clientCoachIds: ReadonlySet<string>): boolean {
  return !!exercise && !deleted && (exercise.ownerId === null || clientCoachIds.has(exercise.ownerId));
}
