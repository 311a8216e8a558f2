import type { AttemptLimit } from '../storage/auth-store.ts';

export interface Limit {
  max: number;
  windowMs: number;
}

/** Failed sign-ins allowed before 429 (SECURITY.md "Sign-in"). */
export interface LoginLimits {
  /** One account from one address: tight, the guesser's own lock. */
  perAccountAndAddress: Limit;
  /**
   * One account from anywhere: loose (ASVS: at most 100 failures an hour), so a guesser on
   * one address does not lock the owner out on another, yet a botnet cannot guess freely.
   */
  perAccount: Limit;
  /** One address across accounts: spraying one password over many accounts. */
  perAddress: Limit;
}

export const defaultLoginLimits: LoginLimits = {
  perAccountAndAddress: { max: 10, windowMs: 15 * 60_000 },
  perAccount: { max: 100, windowMs: 60 * 60_000 },
  perAddress: { max: 50, windowMs: 15 * 60_000 },
};

/** The counters one sign-in attempt counts in. Emails compare case-insensitively. */
export function loginAttemptLimits(limits: LoginLimits, email: string, address: string): AttemptLimit[] {
  const account = email.trim().toLowerCase();
  return [
    { key: `login:account+address:${account} ${address}`, ...limits.perAccountAndAddress },
    { key: `login:account:${account}`, ...limits.perAccount },
    { key: `login:address:${address}`, ...limits.perAddress },
  ];
}
