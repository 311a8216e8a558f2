import { identityProviderId } from '@spotter/shared';

/** One OpenID Connect provider, from the environment (README "Sign in with Google or another provider"). */
export interface OidcProvider {
  id: string;
  label: string;
  issuer: URL;
  clientId: string;
  /** Absent: a public client, which PKCE alone protects. */
  clientSecret: string | null;
  /** Only a test's in-process provider speaks plain http (OIDC_ALLOW_HTTP=1). */
  allowHttp: boolean;
}

const envName = (id: string) => id.toUpperCase().replace(/-/g, '_');

/**
 * OIDC_PROVIDERS=google,gym lists them; each has OIDC_<ID>_ISSUER, OIDC_<ID>_CLIENT_ID, and
 * optionally OIDC_<ID>_CLIENT_SECRET and OIDC_<ID>_LABEL ("Google"). A mistake stops the start
 * with a sentence naming the variable: a provider half-configured would fail only when someone
 * tries it.
 */
export function readOidcProviders(env: NodeJS.ProcessEnv): OidcProvider[] {
  const ids = (env.OIDC_PROVIDERS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const allowHttp = env.OIDC_ALLOW_HTTP === '1';
  const seen = new Set<string>();
  return ids.map((id) => {
    if (!identityProviderId.safeParse(id).success) throw new Error(`OIDC_PROVIDERS: "${id}" is not a provider id (lower-case letters, digits and dashes).`);
    if (seen.has(id)) throw new Error(`OIDC_PROVIDERS names "${id}" twice.`);
    seen.add(id);
    const name = `OIDC_${envName(id)}`;
    const read = (suffix: string) => env[`${name}_${suffix}`]?.trim() || null;
    const rawIssuer = read('ISSUER');
    const clientId = read('CLIENT_ID');
    if (!rawIssuer) throw new Error(`${name}_ISSUER is not set (the provider's issuer URL, e.g. https://accounts.google.com).`);
    if (!clientId) throw new Error(`${name}_CLIENT_ID is not set.`);
    let issuer: URL;
    try {
      issuer = new URL(rawIssuer);
    } catch {
      throw new Error(`${name}_ISSUER is not a URL: "${rawIssuer}".`);
    }
    if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && allowHttp)) {
      throw new Error(`${name}_ISSUER must be https (OIDC_ALLOW_HTTP=1 allows http, for a test provider only).`);
    }
    const label = read('LABEL') ?? id.charAt(0).toUpperCase() + id.slice(1);
    if (label.length > 40) throw new Error(`${name}_LABEL is longer than 40 characters.`);
    return { id, label, issuer, clientId, clientSecret: read('CLIENT_SECRET'), allowHttp: issuer.protocol === 'http:' };
  });
}
