import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { EMAIL_CHANGE_TTL_MS, type Person, type SignedInDevice, type Viewer } from '@spotter/shared';
import { hashNewPassword, verifyPassword } from '../auth/passwords.ts';
import { badRequest, notFound, refused } from '../errors.ts';
import { confirmEmailMail, emailChangedMail, passwordChangedMail } from '../mail/messages.ts';
import { securityEvent } from '../security-log.ts';
import { deliver, limit, linkRefused, linkTo, type AccountDeps } from './deps.ts';
import { keyed } from './limits.ts';
import { newLink } from './link-tokens.ts';
import { checkedLink, linkFailure } from './links.ts';

/** The signed-in person's own account, as the store has it (404 once it is gone). */
async function me(d: AccountDeps, viewer: Viewer): Promise<Person> {
  const row = await d.repo.get('people', viewer.id);
  if (!row || row.deleted) throw notFound('Your account no longer exists.');
  return row.doc as Person;
}

/**
 * The current password, checked before a password or email change: a device left signed in
 * is not enough to take the account over. Wrong answers are counted per account; the answer
 * is 400, never 401 (the app reads 401 as "the access token expired").
 */
async function checkCurrentPassword(d: AccountDeps, log: FastifyBaseLogger, person: Person, password: string, ip: string): Promise<void> {
  const limits = keyed(`current-password:${person.id}`, d.limits.currentPasswordPerAccount);
  await limit(d, limits, 'wrong passwords');
  const ok = await verifyPassword((await d.repo.passwordHashOf(person.id)) ?? '', password);
  if (!ok) {
    securityEvent(log, 'current_password_wrong', { userId: person.id, ip });
    throw badRequest('Your current password is not right.');
  }
  await d.repo.releaseAttempt(limits, Date.now());
}

/** A new password; every other device of the person is signed out (this one stays). */
export async function changePassword(d: AccountDeps, log: FastifyBaseLogger, viewer: Viewer, familyId: string, body: { currentPassword: string; newPassword: string }, ip: string): Promise<void> {
  const person = await me(d, viewer);
  await checkCurrentPassword(d, log, person, body.currentPassword, ip);
  const passwordHash = await hashNewPassword({ password: body.newPassword, email: person.email, firstName: person.firstName, lastName: person.lastName });
  const now = new Date().toISOString();
  const ended = await d.repo.transaction(async () => {
    await d.repo.setPasswordHash(person.id, passwordHash);
    await d.repo.spendAccountTokens(person.id, 'reset', now);
    return d.repo.revokeUserFamilies(person.id, 'password_changed', now, familyId);
  });
  if (ended.length) d.notifier.publish({ collections: [], endedFamilies: ended });
  securityEvent(log, 'password_changed', { userId: person.id, ip, endedSessions: ended.length });
  void deliver(d, log, passwordChangedMail({ to: person.email, firstName: person.firstName }), 'password changed');
}

/**
 * Asks to sign in with another email: a link goes to the new address, and nothing changes
 * until it is opened. When the address already has an account, no mail goes and the answer
 * is the same: this form does not tell who has an account.
 */
export async function requestEmailChange(d: AccountDeps, log: FastifyBaseLogger, viewer: Viewer, body: { password: string; newEmail: string }, ip: string): Promise<{ message: string }> {
  const person = await me(d, viewer);
  const newEmail = body.newEmail.trim().toLowerCase();
  await checkCurrentPassword(d, log, person, body.password, ip);
  if (newEmail === person.email) throw badRequest('body.newEmail: This is already your email.');
  await limit(d, keyed(`email-change:${person.id}`, d.limits.forgotPerEmail), 'email changes');
  const message = `We sent a link to ${newEmail}. Your email changes when you open it (within ${EMAIL_CHANGE_TTL_MS / 3_600_000} hours).`;
  securityEvent(log, 'email_change_requested', { userId: person.id, ip });
  if (await d.repo.findUserByEmail(newEmail)) return { message };
  const id = uuidv7();
  const link = newLink(id);
  const now = Date.now();
  await d.repo.transaction(async () => {
    await d.repo.spendAccountTokens(person.id, 'email', new Date(now).toISOString());
    await d.repo.insertAccountToken({
      id, purpose: 'email', userId: person.id, newEmail, tokenHash: link.hash,
      createdAt: new Date(now).toISOString(), expiresAt: new Date(now + EMAIL_CHANGE_TTL_MS).toISOString(), usedAt: null,
    });
  });
  await deliver(d, log, confirmEmailMail({ to: newEmail, firstName: person.firstName, link: linkTo(d, 'confirm-email', link.token), ttlMs: EMAIL_CHANGE_TTL_MS }), 'confirm email');
  return { message };
}

/** The link from the new address: the person's email (a synced field) becomes it; the old address is told. */
export async function confirmEmail(d: AccountDeps, log: FastifyBaseLogger, token: string, ip: string): Promise<{ email: string }> {
  const found = await checkedLink(d, token, ip, (id) => d.repo.findAccountToken(id));
  if (!found || found.row.purpose !== 'email' || !found.row.newEmail) return linkFailure(d, log, ip, 'email', linkRefused());
  const { row, hash } = found;
  const newEmail = row.newEmail!;
  if (row.usedAt) return linkFailure(d, log, ip, 'email', linkRefused('This link was already used.'));
  if (row.expiresAt <= new Date().toISOString()) return linkFailure(d, log, ip, 'email', linkRefused('This link has expired. Ask for the change again from your account.'));
  const now = new Date().toISOString();
  const before = await d.repo.transaction(async () => {
    const stored = await d.repo.get('people', row.userId);
    if (!stored || stored.deleted) throw linkRefused();
    if (!(await d.repo.claimAccountToken(row.id, hash, now))) throw linkRefused('This link was already used.');
    if (await d.repo.findUserByEmail(newEmail)) throw refused(409, { code: 'email_taken', message: 'An account with this email already exists.' });
    const person = stored.doc as Person;
    await d.repo.put('people', { ...person, email: newEmail, updatedAt: now }, false);
    return person;
  });
  d.notifier.publish({ collections: ['people'] });
  securityEvent(log, 'email_changed', { userId: before.id, ip });
  void deliver(d, log, emailChangedMail({ to: before.email, firstName: before.firstName, newEmail }), 'email changed');
  return { email: newEmail };
}

/** The person's signed-in devices, this one marked. */
export async function listDevices(d: AccountDeps, viewer: Viewer, familyId: string): Promise<SignedInDevice[]> {
  return (await d.repo.liveTokenFamilies(viewer.id)).map((f) => ({
    id: f.id, label: f.label ?? 'A device signed in before devices were named', signedInAt: f.createdAt, lastSeenAt: f.lastUsedAt ?? f.createdAt, current: f.id === familyId,
  }));
}

/** Signs one of the person's own devices out: its tokens are refused and its open streams close now. */
export async function endDevice(d: AccountDeps, log: FastifyBaseLogger, viewer: Viewer, id: string, ip: string): Promise<void> {
  const mine = (await d.repo.liveTokenFamilies(viewer.id)).some((f) => f.id === id);
  if (!mine) throw notFound('No such signed-in device of yours.');
  await d.repo.revokeTokenFamily(id, 'ended_by_owner', new Date().toISOString());
  d.notifier.publish({ collections: [], endedFamilies: [id] });
  securityEvent(log, 'session_ended', { userId: viewer.id, family: id, ip });
}
