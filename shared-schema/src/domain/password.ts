import { z } from 'zod';

/**
 * The password rule's length part (ASVS 5.0 §6.2: at least 12 characters; at least 64
 * allowed). Cheap, so it lives in the main schema module; the "too easy to guess" part needs
 * the dictionaries (password-strength.ts), which only the forms that set a password load.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const passwordLengthProblem = (password: string): string | null =>
  password.length < PASSWORD_MIN
    ? `A password needs at least ${PASSWORD_MIN} characters (this one has ${password.length}).`
    : password.length > PASSWORD_MAX
      ? `A password can have at most ${PASSWORD_MAX} characters.`
      : null;

/** A new password's length, with the message the forms show. */
export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordLengthProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
