import type { Assignment } from '../docs/assignments.ts';
import { refusal, type Refusal } from '../refusals.ts';

/** A trainer's client count: only active assignments take a place (docs/DESIGN.md "Assignments"). */
export const activeClientCount = (assignments: readonly Assignment[], coachId: string): number =>
  assignments.filter((a) => a.coachId === coachId && a.status === 'active').length;

/** At capacity: as many active clients as the trainer's maximum, or more. */
export const isAtCapacity = (assignments: readonly Assignment[], coachId: string, maxClients: number): boolean =>
  activeClientCount(assignments, coachId) >= maxClients;

/**
 * Why `next` may not be written given every other assignment of the same coach and client
 * (`others`, excluding `next` itself), or null. The server runs this inside the write
 * transaction so two admins assigning at once cannot both pass.
 */
export function assignmentRefusal(next: Assignment, others: readonly Assignment[], maxClients: number): Refusal | null {
  if (next.status !== 'active') return null;
  // A client has one active trainer at a time (docs/DESIGN.md "Assignments").
  if (others.some((a) => a.clientId === next.clientId && a.status === 'active' && a.id !== next.id)) {
    return refusal('client_has_trainer');
  }
  // Capacity counts active clients only; a paused client keeps no place.
  const taken = others.filter((a) => a.coachId === next.coachId && a.status === 'active' && a.id !== next.id).length;
  if (taken >= maxClients) return refusal('trainer_at_capacity', { taken, max: maxClients });
  return null;
}
