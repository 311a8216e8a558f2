import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { passwordLengthProblem } from './domain/password.ts';

/**
 * The whole password rule: the length (domain/password.ts) and not easy to guess (ASVS 5.0
 * §6.2: refuse common and breached-style passwords). Estimated by zxcvbn with its common
 * (tens of thousands of leaked passwords, keyboard patterns) and English dictionaries: a score
 * below 3 of 4 ("safely unguessable" < 10^8 guesses) is refused, with zxcvbn's reason.
 * Not exported from index.ts: the dictionaries weigh megabytes and take seconds to load, so
 * the server and the forms that set a password import this module when first needed.
 */
let checker: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (checker ??= new ZxcvbnFactory({
    // Only the first 32 characters are estimated: the matching grows steeply with length (a
    // 128-character repeated pattern took seconds on the server's event loop). Conservative:
    // what follows can only add strength the estimate ignores.
    maxLength: 32,
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  }));

export const MIN_SCORE = 3;

/** Why this password cannot be used, or null when it can. The message is shown as is. */
export function passwordProblem(password: string, userInputs: readonly string[] = []): string | null {
  const length = passwordLengthProblem(password);
  if (length) return length;
  const result = zxcvbn().check(password, [...userInputs]);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ?? 'It would be among the first passwords an attacker tries.';
  const hint = result.feedback.suggestions[0] ?? 'Add more words that are less common.';
  return `This password is too easy to guess. ${why} ${hint}`;
}

export interface NewAccount {
  password: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** passwordProblem for a new account: its own words (email, names) are easy to guess too. */
export const accountPasswordProblem = (a: NewAccount): string | null =>
  passwordProblem(a.password, [a.email, a.email.split('@')[0]!, a.firstName, a.lastName].filter(Boolean));
