import { createHash, randomBytes } from 'node:crypto';
import type { LoginResponse, Person } from '@spotter/shared';
import type { Repository } from '../storage/repository.ts';
import { dummyHash, verifyPassword } from './passwords.ts';

export interface TokenIssuer {
  signAccess(person: Person): string;
  refreshTokenTtl: number;
  /** How long a token spent by a refresh stays usable (concurrent tabs, a lost response). */
  refreshReuseGraceMs: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function issue(repo: Repository, tokens: TokenIssuer, person: Person, replaces?: string): LoginResponse {
  // Refresh tokens are random and stored only as hashes: a leaked database holds no usable token.
  const refreshToken = randomBytes(32).toString('base64url');
  repo.saveRefreshToken({
    tokenHash: sha256(refreshToken),
    userId: person.id,
    expiresAt: new Date(Date.now() + tokens.refreshTokenTtl * 1000).toISOString(),
    replaces,
  });
  const { id, role, firstName, lastName, email } = person;
  return { accessToken: tokens.signAccess(person), refreshToken, user: { id, role, firstName, lastName, email } };
}

/** null: wrong email or password (the caller answers both the same way). */
export async function login(repo: Repository, tokens: TokenIssuer, email: string, password: string): Promise<LoginResponse | null> {
  const found = repo.findUserByEmail(email);
  const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash()), password);
  if (!found || found.deleted || !ok) return null;
  return issue(repo, tokens, found.person);
}

/**
 * Rotation: the presented token is spent and a new pair is issued, in one transaction (the
 * spent token records its successor). null when invalid, signed out, expired, or spent longer
 * ago than the grace window by a refresh whose new token has since been used.
 */
export function refresh(repo: Repository, tokens: TokenIssuer, refreshToken: string): LoginResponse | null {
  const now = Date.now();
  const hash = sha256(refreshToken);
  return repo.transaction(() => {
    const userId = repo.consumeRefreshToken(hash, new Date(now).toISOString(), new Date(now - tokens.refreshReuseGraceMs).toISOString());
    if (!userId) return null;
    const person = repo.get('people', userId);
    if (!person || person.deleted) return null;
    return issue(repo, tokens, person.doc as Person, hash);
  });
}

export function logout(repo: Repository, refreshToken: string): void {
  repo.revokeRefreshToken(sha256(refreshToken), new Date().toISOString());
}
