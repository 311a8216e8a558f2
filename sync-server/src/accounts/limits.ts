import type { AttemptLimit } from '../storage/auth-store.ts';
import type { Limit } from '../auth/attempts.ts';

/**
 * How often the self-service routes may be called (SECURITY.md "Account links"). Counted in
 * the database like the sign-in limits (auth/attempts.ts), so every instance shares them.
 */
export interface AccountLimits {
  /** Reset emails to one address: a mailbox is not flooded; past it the answer is the same, no mail goes. */
  forgotPerEmail: Limit;
  /** Reset requests from one client address, whatever the email: past it, 429. */
  forgotPerAddress: Limit;
  /** Links presented that were refused (forged, used, expired) from one address. */
  linkFailuresPerAddress: Limit;
  /** Invitations sent or resent by one person. */
  invitesPerInviter: Limit;
  /** Wrong current passwords when changing password or email, per account. */
  currentPasswordPerAccount: Limit;
}

export const defaultAccountLimits: AccountLimits = {
  forgotPerEmail: { max: 3, windowMs: 60 * 60_000 },
  forgotPerAddress: { max: 20, windowMs: 15 * 60_000 },
  linkFailuresPerAddress: { max: 20, windowMs: 15 * 60_000 },
  invitesPerInviter: { max: 50, windowMs: 60 * 60_000 },
  currentPasswordPerAccount: { max: 10, windowMs: 15 * 60_000 },
};

export const keyed = (key: string, limit: Limit): AttemptLimit[] => [{ key, ...limit }];
