import type { FastifyBaseLogger } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { RESET_TTL_MS, type Person } from '@spotter/shared';
import { hashNewPassword } from '../auth/passwords.ts';
import { passwordChangedMail, resetMail } from '../mail/messages.ts';
import { securityEvent } from '../security-log.ts';
import { deliver, limit, linkRefused, linkTo, type AccountDeps } from './deps.ts';
import { keyed } from './limits.ts';
import { newLink } from './link-tokens.ts';
import { checkedLink, linkFailure } from './links.ts';

/** The one answer to "forgot password", whether or not an account has the email. */
export const FORGOT_ANSWER = `If an account uses this email, a link to choose a new password is on its way. It works once, for ${RESET_TTL_MS / 60_000} minutes.`;

/**
 * "Forgot password" (docs/DESIGN.md "Invitations and passwords"). The answer and its timing
 * do not depend on whether the email has an account: both paths do the same lookup and
 * answer at once, and the mail is sent after the answer (an SMTP round trip would otherwise
 * time the difference). Too many requests for one email send nothing more, still with the
 * same answer; too many from one address are refused (429) whatever the email.
 */
export async function forgotPassword(d: AccountDeps, log: FastifyBaseLogger, email: string, ip: string): Promise<{ message: string }> {
  const address = email.trim().toLowerCase();
  await limit(d, keyed(`forgot:address:${ip}`, d.limits.forgotPerAddress), 'password reset requests from this address');
  const perEmail = await d.repo.reserveAttempt(keyed(`forgot:email:${address}`, d.limits.forgotPerEmail), Date.now());
  const found = await d.repo.findUserByEmail(address);
  const id = uuidv7();
  const link = newLink(id);
  const person = found && !found.deleted ? found.person : null;
  securityEvent(log, 'password_reset_requested', { email: address, ip, known: !!person, limited: !perEmail.ok });
  if (!person || !perEmail.ok) return { message: FORGOT_ANSWER };
  const now = Date.now();
  await d.repo.insertAccountToken({
    id, purpose: 'reset', userId: person.id, newEmail: null, tokenHash: link.hash,
    createdAt: new Date(now).toISOString(), expiresAt: new Date(now + RESET_TTL_MS).toISOString(), usedAt: null,
  });
  void deliver(d, log, resetMail({ to: person.email, firstName: person.firstName, link: linkTo(d, 'reset-password', link.token), ttlMs: RESET_TTL_MS }), 'reset');
  return { message: FORGOT_ANSWER };
}

/**
 * A new password through a reset link: the link is spent (once, even under parallel
 * requests), every other reset link of the person too, and every session of the person ends
 * — the devices' open streams close at once (endedFamilies). They sign in again.
 */
export async function resetPassword(d: AccountDeps, log: FastifyBaseLogger, token: string, password: string, ip: string): Promise<{ email: string }> {
  const found = await checkedLink(d, token, ip, (id) => d.repo.findAccountToken(id));
  if (!found || found.row.purpose !== 'reset') return linkFailure(d, log, ip, 'reset', linkRefused());
  const { row, hash } = found;
  if (row.usedAt) return linkFailure(d, log, ip, 'reset', linkRefused('This link was already used. If you still cannot sign in, ask for a new one.'));
  if (row.expiresAt <= new Date().toISOString()) return linkFailure(d, log, ip, 'reset', linkRefused('This link has expired (it works for 30 minutes). Ask for a new one.'));
  const stored = await d.repo.get('people', row.userId);
  if (!stored || stored.deleted) return linkFailure(d, log, ip, 'reset', linkRefused());
  const person = stored.doc as Person;
  const passwordHash = await hashNewPassword({ password, email: person.email, firstName: person.firstName, lastName: person.lastName });
  const now = new Date().toISOString();
  const ended = await d.repo.transaction(async () => {
    if (!(await d.repo.claimAccountToken(row.id, hash, now))) throw linkRefused('This link was already used. If you still cannot sign in, ask for a new one.');
    await d.repo.setPasswordHash(person.id, passwordHash);
    await d.repo.spendAccountTokens(person.id, 'reset', now);
    return d.repo.revokeUserFamilies(person.id, 'password_reset', now);
  });
  if (ended.length) d.notifier.publish({ collections: [], endedFamilies: ended });
  securityEvent(log, 'password_reset', { userId: person.id, ip, endedSessions: ended.length });
  void deliver(d, log, passwordChangedMail({ to: person.email, firstName: person.firstName }), 'password changed');
  return { email: person.email };
}
