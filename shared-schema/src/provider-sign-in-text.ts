/**
 * Why a sign-in through an identity provider did not end signed in, and what the sign-in page
 * says (docs/DESIGN.md "Sign in with an identity provider"). The server redirects to
 * `/?signin-error=<code>`. Without zod, so the sign-in page, a first visit's page, stays small.
 */
export const providerSignInFailureText = {
  expired: 'That sign-in took too long or was started elsewhere. Try again.',
  provider: 'The provider did not confirm who you are. Try again, or sign in with your password.',
  unverified: 'Your provider has not verified that email address, so it cannot sign you in to Spotter.',
  'no-account': 'No Spotter account uses that email. Ask your coach for an invitation, then sign in.',
  unavailable: "Can't reach the sign-in provider right now. Try again in a moment, or sign in with your password.",
} as const;
export type ProviderSignInFailure = keyof typeof providerSignInFailureText;

export const isProviderSignInFailure = (code: string | null): code is ProviderSignInFailure => code !== null && Object.hasOwn(providerSignInFailureText, code);

/** Where the server sends the browser back after a provider sign-in that worked. */
export const PROVIDER_SIGNED_IN = 'signin=provider';
