import type { FastifyBaseLogger } from 'fastify';
import type { HttpError } from '../errors.ts';
import { securityEvent } from '../security-log.ts';
import { limit, type AccountDeps } from './deps.ts';
import { keyed } from './limits.ts';
import { readLink, sameHash } from './link-tokens.ts';

const failures = (d: AccountDeps, ip: string) => keyed(`link:address:${ip}`, d.limits.linkFailuresPerAddress);

/**
 * The row a presented link names when its secret matches, else null. Every presentation is
 * counted against the address before anything is looked up, and given back when the secret
 * matches: only links that were never issued (guesses, forgeries) use up the allowance.
 */
export async function checkedLink<R extends { tokenHash: string }>(d: AccountDeps, token: string, ip: string, find: (id: string) => Promise<R | null>): Promise<{ row: R; hash: string } | null> {
  await limit(d, failures(d, ip), 'links that did not work from this address');
  const link = readLink(token);
  if (!link) return null;
  const row = await find(link.id);
  // The same comparison whether or not the id exists.
  const matches = sameHash(link.hash, row?.tokenHash ?? link.hash) && !!row;
  if (!matches) return null;
  await d.repo.releaseAttempt(failures(d, ip), Date.now());
  return { row, hash: link.hash };
}

/** Logs a refused link (no token in the line) and throws its refusal. */
export function linkFailure(_d: AccountDeps, log: FastifyBaseLogger, ip: string, kind: 'invite' | 'reset' | 'email', error: HttpError): never {
  securityEvent(log, 'account_link_refused', { kind, ip, reason: error.message });
  throw error;
}
