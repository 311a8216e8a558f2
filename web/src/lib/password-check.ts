import type { NewAccount } from '@spotter/shared/password-strength.ts';

/**
 * Why the server would refuse this new account's password (the same rule and message,
 * shared-schema/src/password-strength.ts), or null. Loaded on demand: its dictionaries weigh
 * about a megabyte and only the forms that create an account need them. When they cannot be
 * loaded (offline with an old cache), null: the server checks anyway.
 */
export async function passwordProblemOf(account: NewAccount): Promise<string | null> {
  try {
    const { accountPasswordProblem } = await import('@spotter/shared/password-strength.ts');
    return accountPasswordProblem(account);
  } catch {
    return null;
  }
}
