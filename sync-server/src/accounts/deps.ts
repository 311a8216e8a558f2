import type { FastifyBaseLogger } from 'fastify';
import type { Mail, Mailer } from '../mail/mailer.ts';
import { HttpError } from '../errors.ts';
import type { Repository } from '../storage/repository.ts';
import type { Notifier } from '../sync/notifier.ts';
import type { AttemptLimit } from '../storage/auth-store.ts';
import type { AccountLimits } from './limits.ts';

/** What the self-service flows need: the store, the stream notifier, the mailer, where links point, the limits. */
export interface AccountDeps {
  repo: Repository;
  notifier: Notifier;
  mailer: Mailer;
  /**
   * The web app's origin for links in emails (PUBLIC_URL). Never taken from a request's Host
   * header: a forged Host would otherwise mail a real reset link pointing at an attacker's site.
   */
  publicUrl: { value: string | null };
  limits: AccountLimits;
  /** The clock of account deletions' undo window: the scheduler's (tests pass a controlled one). */
  now?: () => Date;
  /** Where uploaded files' bytes live (media/storage.ts), when media is served: a deleted account's files go. */
  mediaFiles?: { delete(key: string): Promise<void> } | null;
  /** How long a deletion can be cancelled; default the shared DELETION_UNDO_MS. */
  deletionUndoMs?: number;
}

export const linkTo = (d: AccountDeps, page: string, token: string) => `${(d.publicUrl.value ?? 'http://localhost').replace(/\/$/, '')}/${page}#${token}`;

/** Sends a mail; false (logged, no secret in the line) when the mail server refused or was unreachable. */
export async function deliver(d: AccountDeps, log: FastifyBaseLogger, mail: Mail, what: string): Promise<boolean> {
  try {
    await d.mailer.send(mail);
    return true;
  } catch (e) {
    log.error({ mail: what, error: e instanceof Error ? e.message : String(e) }, 'mail not sent');
    return false;
  }
}

/** Counts one call under the limits, or answers 429 with how long to wait. */
export async function limit(d: AccountDeps, limits: AttemptLimit[], what: string): Promise<void> {
  const r = await d.repo.reserveAttempt(limits, Date.now());
  if (r.ok) return;
  const minutes = Math.max(1, Math.ceil(r.retryAfterMs / 60_000));
  throw new HttpError(429, 'too_many_requests', `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
}

/** A link that cannot be used, said the same way whichever part was wrong unless its owner proved they hold it. */
export const linkRefused = (message = 'This link is not valid. Open it again from the email, or ask for a new one.') => new HttpError(410, 'link_refused', message);
