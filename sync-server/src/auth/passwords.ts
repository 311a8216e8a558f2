import argon2 from 'argon2';
import type { NewAccount } from '@spotter/shared/password-strength.ts';
import { badRequest } from '../errors.ts';

// OWASP password storage cheat sheet, argon2id: m = 19 MiB, t = 2, p = 1.
const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, options);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so a wrong email costs the same time as a
// wrong password and the answer does not reveal which accounts exist.
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password'));

/**
 * A new account's password, checked against the whole rule and hashed. The length was checked
 * by the body's schema (shared newPasswordSchema); here, "not easy to guess", with the same
 * message the forms show. The dictionaries load on first use: seconds every start would pay.
 */
export async function hashNewPassword(account: NewAccount): Promise<string> {
  const { accountPasswordProblem } = await import('@spotter/shared/password-strength.ts');
  const problem = accountPasswordProblem(account);
  if (problem) throw badRequest(`body.password: ${problem}`);
  return hashPassword(account.password);
}
