import { describe, expect, it } from 'vitest';
import { inviteRefusal, type InviteFacts } from './invites.ts';

const coachInvites: InviteFacts = { viewer: 'coach', invitee: 'client', emailTaken: false, openForEmail: false, maxClients: 3, activeClients: 1, openInvites: 0 };

describe('inviteRefusal', () => {
  it.each<[string, Partial<InviteFacts>, string | null, number?]>([
    ['a coach with room invites a client', {}, null],
    ['a client invites nobody', { viewer: 'client' }, 'coach_only_invites_clients', 403],
    ['an admin does not invite clients (they assign them)', { viewer: 'admin' }, 'coach_only_invites_clients', 403],
    ['a coach does not invite trainers', { invitee: 'coach' }, 'admin_only_invites_trainers', 403],
    ['an admin invites a trainer, whatever the counts', { viewer: 'admin', invitee: 'coach', activeClients: 9, maxClients: 0 }, null],
    ['the email has an account', { emailTaken: true }, 'email_taken', 409],
    ['the email has an open invitation from this inviter', { openForEmail: true }, 'invite_open', 409],
    ['the coach is full', { activeClients: 3 }, 'coach_at_capacity', 409],
    ['open invitations fill the last places', { activeClients: 2, openInvites: 1 }, 'coach_full_with_invites', 409],
    ['one place left and no open invitation', { activeClients: 2 }, null],
    // Order: the role is checked before anything that would reveal whether an email has an account.
    ['a client probing for emails learns nothing', { viewer: 'client', emailTaken: true }, 'coach_only_invites_clients', 403],
  ])('%s', (_name, change, code, status) => {
    const r = inviteRefusal({ ...coachInvites, ...change });
    expect(r?.refusal.code ?? null).toBe(code);
    if (status) expect(r?.status).toBe(status);
  });
});
