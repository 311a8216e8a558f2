import { z } from 'zod';
import { providerSignInFailureText, type ProviderSignInFailure } from './provider-sign-in-text.ts';

export { providerSignInFailureText, type ProviderSignInFailure };

/**
 * Signing in with an identity provider (docs/DESIGN.md "Sign in with an identity provider"):
 * the providers the server is configured with, as the sign-in page lists them.
 */
export const identityProviderId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a provider id is lower-case letters, digits and dashes');
export const identityProvidersSchema = z.strictObject({
  providers: z.array(z.strictObject({ id: identityProviderId, label: z.string().min(1).max(40) })),
});
export type IdentityProviders = z.infer<typeof identityProvidersSchema>;

/** Why a sign-in through a provider did not end signed in (provider-sign-in-text.ts says it to the person). */
export const providerSignInFailure = z.enum(Object.keys(providerSignInFailureText) as [ProviderSignInFailure, ...ProviderSignInFailure[]]);

