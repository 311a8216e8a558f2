import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { LoginResponse, Person } from '@spotter/shared';
import type { RefreshTokenState } from '../storage/auth-store.ts';
import type { Repository } from '../storage/repository.ts';
import { dummyHash, verifyPassword } from './passwords.ts';

export interface TokenIssuer {
  /** An access token for this person in this token family (the JWT's `sid`). */
  signAccess(person: Person, familyId: string): string;
  refreshTokenTtl: number;
  /**
   * How long a token spent by a refresh stays usable: two tabs refreshing with the same cookie
   * at once. Short: past it, presenting the token once its successor was used is a reuse.
   */
  refreshReuseGraceMs: number;
}

/** A sign-in or refresh: the body answered, and the refresh token that goes into the cookie. */
export interface Issued {
  body: LoginResponse;
  refreshToken: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function newRefreshToken(tokens: TokenIssuer, now: number) {
  // Random and stored only as a hash: a leaked database holds no usable token.
  const token = randomBytes(32).toString('base64url');
  return { token, row: { tokenHash: sha256(token), expiresAt: new Date(now + tokens.refreshTokenTtl * 1000).toISOString() } };
}

function answer(tokens: TokenIssuer, person: Person, familyId: string, refreshToken: string): Issued {
  const { id, role, firstName, lastName, email } = person;
  return { body: { accessToken: tokens.signAccess(person, familyId), user: { id, role, firstName, lastName, email } }, refreshToken };
}

/** null: wrong email or password (the caller answers both the same way). */
export async function login(repo: Repository, tokens: TokenIssuer, email: string, password: string, deviceLabel: string | null = null): Promise<Issued | null> {
  const found = await repo.findUserByEmail(email);
  const ok = await verifyPassword(found?.passwordHash ?? (await dummyHash()), password);
  if (!found || found.deleted || !ok) return null;
  return signInAs(repo, tokens, found.person, deviceLabel);
}

/** A new signed-in session (token family) for a person already identified: by password, or by a provider (oidc/routes.ts). */
export async function signInAs(repo: Repository, tokens: TokenIssuer, person: Person, deviceLabel: string | null): Promise<Issued> {
  const now = Date.now();
  const familyId = uuidv7();
  const { token, row } = newRefreshToken(tokens, now);
  await repo.startTokenFamily(familyId, person.id, row, new Date(now).toISOString(), deviceLabel);
  return answer(tokens, person, familyId, token);
}

export type RefreshVerdict =
  /** Spend it for a new one. `supersede`: the successor its lost answer carried, signed out. */
  | { kind: 'rotate'; supersede: string | null }
  | { kind: 'refuse' }
  /** Presented after its successor was used: a copy is in someone else's hands. */
  | { kind: 'reuse' };

/**
 * What a presented refresh token is worth (the rules in order; SECURITY.md "Sessions").
 * `now` and `graceSince` are ISO times; `graceSince` = now − the race window.
 */
export function judgeRefresh(t: RefreshTokenState, now: string, graceSince: string): RefreshVerdict {
  // Signed out, ended by a reuse, or issued before families existed.
  if (!t.family || t.family.revokedAt) return { kind: 'refuse' };
  if (t.expiresAt <= now) return { kind: 'refuse' };
  if (!t.revokedAt) return { kind: 'rotate', supersede: null };
  // Spent by a sign-out, or superseded by the retry of a lost answer.
  if (!t.rotatedAt) return { kind: 'refuse' };
  // Two tabs refreshing with one cookie at once: both get a token (same family).
  if (t.rotatedAt > graceSince) return { kind: 'rotate', supersede: null };
  // The refresh that spent it lost its answer, and nothing newer was issued in the family
  // since: its device cannot hold anything but this token (found by the sync simulation,
  // sim/README.md). The undelivered successor is signed out.
  if (t.replacedBy !== null && t.replacedBy === t.family.currentHash) return { kind: 'rotate', supersede: t.replacedBy };
  return { kind: 'reuse' };
}

export type RefreshResult = { kind: 'ok'; issued: Issued } | { kind: 'refused' } | { kind: 'deleted' } | { kind: 'reuse'; userId: string; familyId: string };

/** Rotation: the presented token is spent and a new one issued in its family, in one transaction. */
export function refresh(repo: Repository, tokens: TokenIssuer, refreshToken: string): Promise<RefreshResult> {
  const now = Date.now();
  const nowIso = new Date(now).toISOString();
  return repo.transaction(async (): Promise<RefreshResult> => {
    const found = await repo.findRefreshToken(sha256(refreshToken));
    if (!found) return { kind: 'refused' };
    // The device of a deleted account (docs/DESIGN.md "Deleting an account"): told so, it drops
    // what it holds. Only the holder of one of the account's refresh tokens learns it.
    if ((await repo.get('people', found.userId))?.deleted) return { kind: 'deleted' };
    const verdict = judgeRefresh(found, nowIso, new Date(now - tokens.refreshReuseGraceMs).toISOString());
    if (verdict.kind === 'reuse') {
      await repo.revokeTokenFamily(found.familyId!, 'reuse', nowIso);
      return { kind: 'reuse', userId: found.userId, familyId: found.familyId! };
    }
    if (verdict.kind === 'refuse') return { kind: 'refused' };
    const person = await repo.get('people', found.userId);
    if (!person || person.deleted) return { kind: 'refused' };
    const { token, row } = newRefreshToken(tokens, now);
    await repo.rotateRefreshToken(found, row, nowIso, verdict.supersede);
    return { kind: 'ok', issued: answer(tokens, person.doc as Person, found.familyId!, token) };
  });
}

/** Ends the family of this refresh token (every token of the device's chain, and its access tokens); answers which. */
export async function logoutByRefreshToken(repo: Repository, refreshToken: string): Promise<string | null> {
  const found = await repo.findRefreshToken(sha256(refreshToken));
  if (!found?.familyId) return null;
  await repo.revokeTokenFamily(found.familyId, 'logout', new Date().toISOString());
  return found.familyId;
}

export function logoutFamily(repo: Repository, familyId: string): Promise<void> {
  return repo.revokeTokenFamily(familyId, 'logout', new Date().toISOString());
}
