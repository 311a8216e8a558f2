import { assignmentRefusal, refusal, type Assignment } from '@spotter/shared';
import type { Stored } from '../storage/repository.ts';
import { refuse, type Decision } from './decision.ts';

export interface AssignmentFacts {
  coach: Stored | null;
  client: Stored | null;
  /** Every other live assignment of the same coach or the same client. */
  others: readonly Assignment[];
}

/**
 * An assignment pushed by an admin joins a trainer and a client, within the trainer's capacity
 * and one active trainer per client (shared assignmentRefusal). Written, it changes who sees
 * the client's documents: every one of them gets a new seq so devices re-evaluate it.
 */
export function decideAssignment(f: AssignmentFacts, next: Assignment, deleted = false): Decision {
  const bump = { kind: 'bump-client', clientId: next.clientId, coachIds: [next.coachId] } as const;
  // An admin ending an assignment by deleting it takes no place and joins no one.
  if (deleted) return { kind: 'write', doc: next, after: [bump] };
  const { coach, client } = f;
  if (!coach || coach.deleted || coach.doc.role !== 'coach') return refuse(refusal('coach_not_trainer'));
  if (!client || client.deleted || client.doc.role !== 'client') return refuse(refusal('client_not_client'));
  const reason = assignmentRefusal(next, f.others, Number(coach.doc.maxClients));
  if (reason) return refuse(reason);
  return { kind: 'write', doc: next, after: [bump] };
}
