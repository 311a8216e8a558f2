import { HttpError } from '../data/api.ts';

/**
 * What a person is told when an account action (an invitation, a password, an email, a
 * device) did not go through. These need the server now — there is no offline queue for them
 * — so the form keeps what was typed and the sentence says how to go on.
 */
export function failureText(e: unknown, what: string): string {
  if (e instanceof HttpError) return e.status >= 500 ? `Spotter's server could not ${what} just now. What you typed is kept: try again in a moment.` : e.message;
  if (e instanceof TypeError) return `You are offline, or Spotter's server can't be reached: to ${what}, Spotter needs a connection. What you typed is kept; try again when you are back online.`;
  return e instanceof Error ? e.message : `Could not ${what}.`;
}

/** The token of an emailed link: everything after # (it never travels to a server in a URL). */
export const tokenFromHash = (hash: string): string => decodeURIComponent(hash.replace(/^#/, '')).trim();
