import type { Person, ProviderSignInFailure } from '@spotter/shared';

/** What the provider's ID token says about the person (the claims Spotter reads). */
export interface ProviderClaims {
  email?: unknown;
  email_verified?: unknown;
}

export type LinkDecision = { kind: 'sign-in'; person: Person } | { kind: 'refuse'; reason: ProviderSignInFailure };

/**
 * Which Spotter account a provider sign-in opens
 * (docs/DESIGN.md "Sign in with an identity provider"): the one whose email the provider has VERIFIED, and nothing else. An unverified
 * email would let anyone who types someone's address at a lax provider into their account;
 * no account is ever created here, so joining a coach still takes an invitation.
 */
export function linkByEmail(claims: ProviderClaims, found: { person: Person; deleted: boolean } | null): LinkDecision {
  if (typeof claims.email !== 'string' || claims.email === '') return { kind: 'refuse', reason: 'unverified' };
  if (claims.email_verified !== true) return { kind: 'refuse', reason: 'unverified' };
  if (!found || found.deleted) return { kind: 'refuse', reason: 'no-account' };
  if (found.person.email.toLowerCase() !== claims.email.toLowerCase()) return { kind: 'refuse', reason: 'no-account' };
  return { kind: 'sign-in', person: found.person };
}
