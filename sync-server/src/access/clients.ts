import type { Role } from '@spotter/shared';

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
export function addClientRefusal(f: AddClientFacts): { status: 403 | 409; reason: string } | null {
  if (f.role !== 'coach') return { status: 403, reason: 'Only coaches add clients here; admins assign them.' };
  if (f.emailTaken) return { status: 409, reason: 'An account with this email already exists.' };
  if (f.activeClients >= f.maxClients) return { status: 409, reason: `You are at capacity (${f.activeClients}/${f.maxClients} clients).` };
  return null;
}
