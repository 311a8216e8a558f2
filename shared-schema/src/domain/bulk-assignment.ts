import type { Assignment } from '../docs/assignments.ts';
import { refusal, type Refusal } from '../refusals.ts';

export interface BulkTrainer {
  id: string;
  name: string;
  maxClients: number;
}

/**
 * Why assigning every one of `clientIds` to `trainer` would be refused, or null (bulk
 * assignment is all or nothing: docs/DESIGN.md "Admin: trainers and assignments"). `assignments` are the trainer's and these clients'
 * current assignments. The admin page runs it to explain before asking; the server runs it
 * again inside the write transaction, which is the check that counts.
 */
export function bulkAssignmentRefusal(clientIds: readonly string[], trainer: BulkTrainer | null, assignments: readonly Assignment[]): Refusal | null {
  // Nothing to do is a mistake in the request, not a silent success.
  if (clientIds.length === 0) return refusal('no_clients_selected');
  if (!trainer) return refusal('no_trainer_chosen');
  // The same client twice would count twice against capacity.
  if (new Set(clientIds).size !== clientIds.length) return refusal('client_selected_twice');
  // Clients already with this trainer keep their place; everyone else needs a new one.
  const already = new Set(assignments.filter((a) => a.coachId === trainer.id && a.status === 'active').map((a) => a.clientId));
  const newcomers = clientIds.filter((id) => !already.has(id)).length;
  const free = Math.max(trainer.maxClients - already.size, 0);
  if (newcomers > free) {
    return refusal('selection_over_capacity', { trainer: trainer.name, free, taken: already.size, max: trainer.maxClients, selected: newcomers });
  }
  return null;
}
