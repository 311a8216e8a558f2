import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  DEFAULT_MAX_CLIENTS, INVITE_TTL_MS, todayLocal, trainerProfileSchema,
  type Assignment, type Invite, type InvitePreview, type InviteRequest, type InviteSent, type Message, type Person, type Viewer,
} from '@spotter/shared';
import { inviteRefusal } from '../access/invites.ts';
import { hashNewPassword } from '../auth/passwords.ts';
import { HttpError, notFound, refused } from '../errors.ts';
import { inviteMail } from '../mail/messages.ts';
import { securityEvent } from '../security-log.ts';
import type { InviteRow } from '../storage/account-store.ts';
import { deliver, limit, linkRefused, linkTo, type AccountDeps } from './deps.ts';
import { keyed } from './limits.ts';
import { newLink } from './link-tokens.ts';
import { checkedLink, linkFailure } from './links.ts';

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();
/** The trainer profile's fields of an object, the rest dropped (the shared schema is strict). */
const profileOf = z.object(trainerProfileSchema.shape);

export const inviteOf = (row: InviteRow, now: string): Invite => ({
  id: row.id, email: row.email, firstName: row.firstName, lastName: row.lastName, role: row.role,
  status: row.expiresAt <= now ? 'expired' : 'pending', sentAt: row.sentAt, expiresAt: row.expiresAt,
});

async function mailInvite(d: AccountDeps, log: FastifyBaseLogger, row: InviteRow, token: string): Promise<boolean> {
  const inviter = await d.repo.get('people', row.invitedBy);
  const name = inviter ? fullName(inviter.doc as Person) : 'Spotter';
  return deliver(d, log, inviteMail({ to: row.email, firstName: row.firstName, inviter: name, role: row.role, link: linkTo(d, 'invite', token), ttlMs: INVITE_TTL_MS }), 'invite');
}

/**
 * A coach invites a client, an admin a trainer (docs/DESIGN.md "Invitations and passwords"):
 * decided by access/invites.ts against the rows as they are inside the transaction, so two
 * invitations sent at once cannot both take a coach's last place.
 */
export async function createInvite(d: AccountDeps, log: FastifyBaseLogger, viewer: Viewer, body: InviteRequest): Promise<InviteSent> {
  const email = body.email.trim().toLowerCase();
  const now = new Date();
  const nowIso = now.toISOString();
  const id = uuidv7();
  const link = newLink(id);
  await limit(d, keyed(`invite:${viewer.id}`, d.limits.invitesPerInviter), 'invitations sent');
  const row = await d.repo.transaction(async () => {
    const open = await d.repo.openInvitesFor(email);
    let maxClients = 0;
    let activeClients = 0;
    let openInvites = 0;
    if (body.role === 'client' && viewer.role === 'coach') {
      const coach = await d.repo.get('people', viewer.id);
      maxClients = Number(coach?.doc.maxClients ?? DEFAULT_MAX_CLIENTS);
      activeClients = (await d.repo.find('assignments', [
        { field: 'coachId', op: 'eq', value: viewer.id }, { field: 'status', op: 'eq', value: 'active' }, { field: 'deleted', op: 'eq', value: false },
      ])).length;
      // An expired invitation holds no place: it is resent (and then counts) or cancelled.
      openInvites = (await d.repo.openInvites({ invitedBy: viewer.id })).filter((i) => i.role === 'client' && i.expiresAt > nowIso).length;
    }
    const reason = inviteRefusal({
      viewer: viewer.role, invitee: body.role, emailTaken: !!(await d.repo.findUserByEmail(email)),
      openForEmail: open.some((i) => i.invitedBy === viewer.id), maxClients, activeClients, openInvites,
    });
    if (reason) throw refused(reason.status, reason.refusal);
    // A trainer's profile as the shared schema has it: only its fields, whatever else the body held.
    const profile = body.role === 'coach' ? profileOf.parse(body) : null;
    const created: InviteRow = {
      id, email, role: body.role, firstName: body.firstName.trim(), lastName: body.lastName.trim(), invitedBy: viewer.id,
      profile, tokenHash: link.hash, createdAt: nowIso, sentAt: nowIso,
      expiresAt: new Date(now.getTime() + INVITE_TTL_MS).toISOString(), acceptedAt: null, cancelledAt: null, userId: null,
    };
    await d.repo.insertInvite(created);
    return created;
  });
  securityEvent(log, 'invite_sent', { by: viewer.id, invite: row.id, role: row.role });
  return { invite: inviteOf(row, nowIso), mailSent: await mailInvite(d, log, row, link.token) };
}

/** A coach's open client invitations; an admin's view of every open trainer invitation. */
export async function listInvites(d: AccountDeps, viewer: Viewer): Promise<Invite[]> {
  const now = new Date().toISOString();
  if (viewer.role === 'coach') return (await d.repo.openInvites({ invitedBy: viewer.id })).filter((r) => r.role === 'client').map((r) => inviteOf(r, now));
  if (viewer.role === 'admin') return (await d.repo.openInvites({ role: 'coach' })).map((r) => inviteOf(r, now));
  throw new HttpError(403, 'forbidden', 'Only coaches and admins send invitations.');
}

/** An open invitation the viewer may resend or cancel: their own (a coach), any trainer invitation (an admin). Else 404. */
async function ownOpenInvite(d: AccountDeps, log: FastifyBaseLogger, viewer: Viewer, id: string): Promise<InviteRow> {
  const row = await d.repo.findInvite(id);
  const open = row && !row.acceptedAt && !row.cancelledAt;
  const mine = row && (viewer.role === 'coach' ? row.role === 'client' && row.invitedBy === viewer.id : viewer.role === 'admin' && row.role === 'coach');
  if (row && !mine) securityEvent(log, 'access_denied', { userId: viewer.id, invite: id, reason: 'not their invitation' });
  if (!row || !open || !mine) throw notFound('No such open invitation among yours.');
  return row;
}

/** A new link for the same invitation (the old one stops working), valid for 7 days again. */
export async function resendInvite(d: AccountDeps, log: FastifyBaseLogger, viewer: Viewer, id: string): Promise<InviteSent> {
  const row = await ownOpenInvite(d, log, viewer, id);
  await limit(d, keyed(`invite:${viewer.id}`, d.limits.invitesPerInviter), 'invitations sent');
  const link = newLink(row.id);
  const now = new Date();
  const renewed = { ...row, tokenHash: link.hash, sentAt: now.toISOString(), expiresAt: new Date(now.getTime() + INVITE_TTL_MS).toISOString() };
  if (!(await d.repo.renewInvite(row.id, renewed.tokenHash, renewed.sentAt, renewed.expiresAt))) throw notFound('No such open invitation among yours.');
  securityEvent(log, 'invite_sent', { by: viewer.id, invite: row.id, role: row.role, resent: true });
  return { invite: inviteOf(renewed, renewed.sentAt), mailSent: await mailInvite(d, log, renewed, link.token) };
}

export async function cancelInvite(d: AccountDeps, log: FastifyBaseLogger, viewer: Viewer, id: string): Promise<void> {
  await ownOpenInvite(d, log, viewer, id);
  if (!(await d.repo.cancelInvite(id, new Date().toISOString()))) throw notFound('No such open invitation among yours.');
  securityEvent(log, 'invite_cancelled', { by: viewer.id, invite: id });
}

/** The open, unexpired invitation a presented link names (its secret checked in constant time), or a refusal. */
async function inviteOfLink(d: AccountDeps, log: FastifyBaseLogger, token: string, ip: string): Promise<{ row: InviteRow; hash: string }> {
  const found = await checkedLink(d, token, ip, (id) => d.repo.findInvite(id));
  if (!found) return linkFailure(d, log, ip, 'invite', linkRefused());
  const { row, hash } = found;
  // The owner of the link learns why it no longer works; a guesser never got here.
  if (row.acceptedAt) return linkFailure(d, log, ip, 'invite', linkRefused('This invitation was already accepted. Sign in with your email and password.'));
  if (row.cancelledAt) return linkFailure(d, log, ip, 'invite', linkRefused('This invitation was cancelled. Ask whoever invited you for a new one.'));
  if (row.expiresAt <= new Date().toISOString()) return linkFailure(d, log, ip, 'invite', linkRefused('This invitation has expired. Ask whoever invited you to send it again.'));
  return { row, hash };
}

export async function previewInvite(d: AccountDeps, log: FastifyBaseLogger, token: string, ip: string): Promise<InvitePreview> {
  const { row } = await inviteOfLink(d, log, token, ip);
  const inviter = await d.repo.get('people', row.invitedBy);
  return { email: row.email, firstName: row.firstName, lastName: row.lastName, role: row.role, invitedBy: inviter ? fullName(inviter.doc as Person) : 'Spotter', expiresAt: row.expiresAt };
}

/**
 * Accepting: the account (with the password the person chose, under the password rule), and
 * for a client the assignment to the coach who invited them, in one transaction with the
 * claim of the invitation — the one conditional update that lets exactly one of two parallel
 * accepts through. Capacity is checked again: an admin may have lowered it since.
 */
export async function acceptInvite(d: AccountDeps, log: FastifyBaseLogger, token: string, password: string, ip: string): Promise<{ email: string }> {
  const { row, hash } = await inviteOfLink(d, log, token, ip);
  const passwordHash = await hashNewPassword({ password, email: row.email, firstName: row.firstName, lastName: row.lastName });
  const now = new Date().toISOString();
  const person: Person = {
    id: uuidv7(), role: row.role, email: row.email, firstName: row.firstName, lastName: row.lastName, units: 'kg',
    isPersonalTrainer: false, specializations: [], certifications: [], maxClients: 0, hourlyRate: null, bio: '', yearsExperience: null,
    ...(row.role === 'coach' ? profileOf.parse(row.profile) : {}),
    updatedAt: now,
  };
  await d.repo.transaction(async () => {
    if (await d.repo.findUserByEmail(row.email)) throw refused(409, { code: 'email_taken', message: 'An account with this email already exists. Sign in, or use "Forgot password?".' });
    await d.repo.createUser(person, passwordHash);
    if (!(await d.repo.claimInvite(row.id, hash, person.id, now))) throw linkRefused('This invitation was already accepted. Sign in with your email and password.');
    if (row.role === 'client') await assignToInviter(d, row, person, now);
  });
  d.notifier.publish({ collections: ['people', 'assignments', 'messages'], clientIds: row.role === 'client' ? [person.id] : undefined });
  securityEvent(log, 'invite_accepted', { invite: row.id, userId: person.id, role: row.role, ip });
  return { email: person.email };
}

async function assignToInviter(d: AccountDeps, row: InviteRow, client: Person, now: string): Promise<void> {
  const coachRow = await d.repo.get('people', row.invitedBy);
  if (!coachRow || coachRow.deleted || coachRow.doc.role !== 'coach') throw new HttpError(409, 'conflict', 'The coach who invited you no longer has an account here. Ask your gym for a new invitation.');
  const coach = coachRow.doc as Person;
  const active = (await d.repo.find('assignments', [
    { field: 'coachId', op: 'eq', value: coach.id }, { field: 'status', op: 'eq', value: 'active' }, { field: 'deleted', op: 'eq', value: false },
  ])).length;
  if (active >= coach.maxClients) throw new HttpError(409, 'conflict', `${fullName(coach)} has no room for another client just now. Ask them to make room, then open this link again.`);
  const assignment: Assignment = {
    id: uuidv7(), clientId: client.id, coachId: coach.id, status: 'active', assignedBy: coach.id,
    startDate: todayLocal(), endDate: null, notes: '', createdAt: now, updatedAt: now,
  };
  await d.repo.put('assignments', assignment, false);
  const welcome: Message = {
    id: uuidv7(), kind: 'system', authorId: coach.id, authorRole: 'coach', coachId: coach.id, clientId: client.id,
    targetType: null, targetId: null, targetEntryId: null, rating: null, body: `You have a new trainer: ${fullName(coach)}.`, createdAt: now, updatedAt: now,
  };
  await d.repo.put('messages', welcome, false);
}
