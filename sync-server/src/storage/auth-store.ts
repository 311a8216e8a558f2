import { methodsOf } from './delegate.ts';

/**
 * The sign-in side of the Repository: attempt limits and refresh-token families. In the
 * database, not in one process's memory, so several server instances share them
 * (docs/DESIGN.md "Growing past one machine") and they survive a restart.
 */

/** At most `max` attempts per fixed window of `windowMs` under `key`. */
export interface AttemptLimit {
  key: string;
  max: number;
  windowMs: number;
}

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

/** A refresh token as stored, with the state of its family (null: issued before families). */
export interface RefreshTokenState {
  tokenHash: string;
  userId: string;
  familyId: string | null;
  expiresAt: string;
  /** Spent (by a refresh or a sign-out). */
  revokedAt: string | null;
  /** Spent by a refresh (not a sign-out): when. */
  rotatedAt: string | null;
  /** The token that refresh issued. */
  replacedBy: string | null;
  family: { revokedAt: string | null; currentHash: string } | null;
}

export interface NewRefreshToken {
  tokenHash: string;
  expiresAt: string;
}

export interface AuthStore {
  /**
   * Counts one attempt under every limit, atomically, unless one of them is already at its
   * max: then nothing is counted and the wait until that window ends is answered. Reserved
   * before the password is checked, so parallel guesses cannot all pass a check made first.
   */
  reserveAttempt(limits: readonly AttemptLimit[], nowMs: number): Promise<Reservation>;
  /** Gives back a reserved attempt (the sign-in succeeded: only failures count). */
  releaseAttempt(limits: readonly AttemptLimit[], nowMs: number): Promise<void>;

  /** A sign-in: a new family with its first refresh token; `label` names the device for its person ("Chrome on Android"). */
  startTokenFamily(familyId: string, userId: string, first: NewRefreshToken, now: string, label?: string | null): Promise<void>;
  findRefreshToken(tokenHash: string): Promise<RefreshTokenState | null>;
  /**
   * Spends `spent` for `next` (same family, which now points at `next`). `supersede`: a token
   * to sign out with it (an earlier successor whose answer never arrived).
   */
  rotateRefreshToken(spent: RefreshTokenState, next: NewRefreshToken, now: string, supersede: string | null): Promise<void>;
  /** Ends a family: its refresh tokens and access tokens are refused from now on. */
  revokeTokenFamily(familyId: string, reason: string, now: string): Promise<void>;
  /** False when the family is unknown or revoked. On every authenticated request. */
  isTokenFamilyActive(familyId: string): Promise<boolean>;
}

/** Every method of AuthStore, for the repositories' delegation (delegate.ts). */
export const authStoreMethods = methodsOf<AuthStore>()(['reserveAttempt', 'releaseAttempt', 'startTokenFamily', 'findRefreshToken', 'rotateRefreshToken', 'revokeTokenFamily', 'isTokenFamilyActive']);
