import { refusal, type Refusal, type Role } from '@spotter/shared';

export interface InviteFacts {
  /** Who invites. */
  viewer: Role;
  /** Whom: a client (a coach's) or a trainer (an admin's). */
  invitee: 'client' | 'coach';
  /** An account with this email exists already. */
  emailTaken: boolean;
  /** This inviter already has an open (not accepted, not cancelled, not expired) invitation for this email. */
  openForEmail: boolean;
  /** A coach's capacity, active clients and open client invitations (0 for a trainer invitation). */
  maxClients: number;
  activeClients: number;
  openInvites: number;
}

/**
 * May this person send this invitation (POST /api/invites)? The reason, or null.
 * Rules, in order:
 */
export function inviteRefusal(f: InviteFacts): { status: 403 | 409; refusal: Refusal } | null {
  // A coach grows their own roster only; trainers are the organisation's, so an admin's.
  if (f.invitee === 'client' && f.viewer !== 'coach') return { status: 403, refusal: refusal('coach_only_invites_clients') };
  if (f.invitee === 'coach' && f.viewer !== 'admin') return { status: 403, refusal: refusal('admin_only_invites_trainers') };
  // One account per email; the invitee signs in with the one they have.
  if (f.emailTaken) return { status: 409, refusal: refusal('email_taken') };
  // A second link for the same person would leave two live links: resend rotates the one.
  if (f.openForEmail) return { status: 409, refusal: refusal('invite_open') };
  if (f.invitee === 'client') {
    // The capacity rule of "add client" and of the admin's assignment: a full coach takes no
    // one more. Open invitations hold a place, so that accepting one never finds the coach full.
    if (f.activeClients >= f.maxClients) return { status: 409, refusal: refusal('coach_at_capacity', { active: f.activeClients, max: f.maxClients }) };
    if (f.activeClients + f.openInvites >= f.maxClients) {
      return { status: 409, refusal: refusal('coach_full_with_invites', { active: f.activeClients, open: f.openInvites, max: f.maxClients }) };
    }
  }
  return null;
}
