import { or, sql, type Column, type SQL } from 'drizzle-orm';
import { methodsOf } from './delegate.ts';

/**
 * The attempt counters (rate_counters) whose key names this person: by id (`current-password:`,
 * `email-change:`, `invite:`) or by email (`login:account:`, `login:account+address:<email> <ip>`,
 * `forgot:email:`). substr, not LIKE: an email's `_` would be a wildcard. Both stores read it.
 */
export function counterKeysOf(key: Column, userId: string, email: string): SQL {
  const exact = [`current-password:${userId}`, `email-change:${userId}`, `invite:${userId}`, `login:account:${email}`, `forgot:email:${email}`];
  const prefix = `login:account+address:${email} `;
  return or(...exact.map((k) => sql`${key} = ${k}`), sql`substr(${key}, 1, ${prefix.length}) = ${prefix}`)!;
}

/**
 * The self-service side of the Repository (docs/DESIGN.md "Invitations and passwords"):
 * invitations, single-use account links (password reset, email change), password hashes and
 * the signed-in devices (token families) of a person. Links are stored as hashes only; every
 * claim is one conditional update, so a link is spent once even when two requests race.
 */

export type InviteRole = 'client' | 'coach';

export interface InviteRow {
  id: string;
  email: string;
  role: InviteRole;
  firstName: string;
  lastName: string;
  invitedBy: string;
  /** A trainer invitation's profile (the shared trainerProfileSchema); null for a client. */
  profile: Record<string, unknown> | null;
  tokenHash: string;
  createdAt: string;
  sentAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  cancelledAt: string | null;
  userId: string | null;
}

export type AccountTokenPurpose = 'reset' | 'email';

export interface AccountTokenRow {
  id: string;
  purpose: AccountTokenPurpose;
  userId: string;
  newEmail: string | null;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** A live token family: one signed-in device. */
export interface DeviceRow {
  id: string;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Whose open invitations: one inviter's (a coach), or every trainer invitation (admins share them). */
export type InviteOwner = { invitedBy: string } | { role: InviteRole };

export interface AccountStore {
  insertInvite(row: InviteRow): Promise<void>;
  findInvite(id: string): Promise<InviteRow | null>;
  /** Neither accepted nor cancelled (expired ones included: they can be resent), oldest first. */
  openInvites(owner: InviteOwner): Promise<InviteRow[]>;
  /** Open invitations to this email (lower case), from anyone. */
  openInvitesFor(email: string): Promise<InviteRow[]>;
  /** A new link for an open invitation (the old one stops working). False when it is no longer open. */
  renewInvite(id: string, tokenHash: string, sentAt: string, expiresAt: string): Promise<boolean>;
  /** False when it is no longer open. */
  cancelInvite(id: string, now: string): Promise<boolean>;
  /** Spends the invitation for the account it created: true for exactly one caller, while open and unexpired. */
  claimInvite(id: string, tokenHash: string, userId: string, now: string): Promise<boolean>;

  insertAccountToken(row: AccountTokenRow): Promise<void>;
  findAccountToken(id: string): Promise<AccountTokenRow | null>;
  /** Spends the link: true for exactly one caller, while unused and unexpired. */
  claimAccountToken(id: string, tokenHash: string, now: string): Promise<boolean>;
  /** Spends every unused link of this purpose of this person (a reset makes older links useless). */
  spendAccountTokens(userId: string, purpose: AccountTokenPurpose, now: string): Promise<void>;

  passwordHashOf(userId: string): Promise<string | null>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;

  /** The person's signed-in devices (families not ended), newest first. */
  liveTokenFamilies(userId: string): Promise<DeviceRow[]>;
  /** Ends every live family of this person except `keep`; answers the ids it ended. */
  revokeUserFamilies(userId: string, reason: string, now: string, keep?: string): Promise<string[]>;
  /**
   * Removes the rows of a deleted account that are not synced documents
   * (docs/DESIGN.md "Deleting an account"): its push subscriptions, account links, the
   * invitations it sent or was created by, its media records, its scheduled jobs and the attempt counters that name it
   * (auth/attempts.ts, accounts/limits.ts: by its id or email); its sign-ins end (kept as ended
   * rows, reason `account_deleted`, without device names). Answers the sign-ins that were live
   * (their streams close) and the files it had uploaded that nobody else uploaded too (their
   * bytes can go).
   */
  eraseAccountRows(userId: string, email: string, now: string): Promise<{ endedFamilies: string[]; mediaIds: string[] }>;
}

/** Every method of AccountStore, for the repositories' delegation (delegate.ts). */
export const accountStoreMethods = methodsOf<AccountStore>()(['insertInvite', 'findInvite', 'openInvites', 'openInvitesFor', 'renewInvite', 'cancelInvite', 'claimInvite', 'insertAccountToken', 'findAccountToken', 'claimAccountToken', 'spendAccountTokens', 'passwordHashOf', 'setPasswordHash', 'liveTokenFamilies', 'revokeUserFamilies', 'eraseAccountRows']);
