import { refusal, type Refusal, type Role } from '@spotter/shared';

export interface AddClientFacts {
  role: Role;
  /** An account with the new client's email exists already. */
  emailTaken: boolean;
  /** The coach's capacity and their active clients now. */
  maxClients: number;
  activeClients: number;
}

/**
 * May this viewer add a client (account and active assignment, POST /api/clients)? Only a
 * coach, with an email not yet taken, within their capacity. The reason, or null.
 */
export function addClientRefusal(f: AddClientFacts): { status: 403 | 409; refusal: Refusal } | null {
  if (f.role !== 'coach') return { status: 403, refusal: refusal('coach_only_adds_clients') };
  if (f.emailTaken) return { status: 409, refusal: refusal('email_taken') };
  if (f.activeClients >= f.maxClients) return { status: 409, refusal: refusal('coach_at_capacity', { active: f.activeClients, max: f.maxClients }) };
  return null;
}
