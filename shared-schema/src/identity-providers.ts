import { z } from 'zod';

/**
 * Signing in with an identity provider (docs/DESIGN.md "Sign in with an identity provider"):
 * the providers the server is configured with, as the sign-in page lists them.
 */
export const identityProviderId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a provider id is lower-case letters, digits and dashes');
export const identityProvidersSchema = z.strictObject({
  providers: z.array(z.strictObject({ id: identityProviderId, label: z.string().min(1).max(40) })),
});
export type IdentityProviders = z.infer<typeof identityProvidersSchema>;

/**
 * Why a sign-in through a provider did not end signed in. The server redirects to
 * `/?signin-error=<code>`; the sign-in page shows the sentence.
 */
export const providerSignInFailure = z.enum(['expired', 'provider', 'unverified', 'no-account', 'unavailable']);
export type ProviderSignInFailure = z.infer<typeof providerSignInFailure>;

export const providerSignInFailureText: Record<ProviderSignInFailure, string> = {
  expired: 'That sign-in took too long or was started elsewhere. Try again.',
  provider: 'The provider did not confirm who you are. Try again, or sign in with your password.',
  unverified: 'Your provider has not verified that email address, so it cannot sign you in to Spotter.',
  'no-account': 'No Spotter account uses that email. Ask your coach for an invitation, then sign in.',
  unavailable: "Can't reach the sign-in provider right now. Try again in a moment, or sign in with your password.",
};

/** Where the server sends the browser back after a provider sign-in that worked. */
export const PROVIDER_SIGNED_IN = 'signin=provider';
