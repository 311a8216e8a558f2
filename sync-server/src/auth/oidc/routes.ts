import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as client from 'openid-client';
import { z } from 'zod';
import { identityProviderId, identityProvidersSchema, type Person, type ProviderSignInFailure } from '@spotter/shared';
import { PROVIDER_SIGNED_IN } from '@spotter/shared/provider-sign-in-text.ts';
import { cancelOnSignIn } from '../../accounts/deletion.service.ts';
import { securityEvent } from '../../security-log.ts';
import type { OidcProvider } from './config.ts';
import { linkByEmail } from './link.ts';

export interface OidcRouteOptions {
  providers: OidcProvider[];
  /** The app's public origin (PUBLIC_URL): the callback address registered at each provider. */
  publicUrl(): string;
  /** Starts a signed-in session for the person and sets its cookie (auth/routes.ts). */
  signIn(req: FastifyRequest, reply: FastifyReply, person: Person): Promise<void>;
}

/**
 * The sign-in in progress, between the redirect to the provider and its answer: in an HttpOnly
 * cookie of this browser, so an answer (code and state) carried to another browser — a login
 * CSRF — finds no matching state there. SameSite=Lax: the provider's redirect back is a
 * cross-site navigation, which a Strict cookie would not come with.
 */
const FLOW_COOKIE = 'spotter_oidc';
const FLOW_PATH = '/api/auth/oidc';
const FLOW_SECONDS = 600;
const flowSchema = z.strictObject({ provider: identityProviderId, state: z.string().min(16), nonce: z.string().min(16), verifier: z.string().min(43) });

/**
 * GET /api/auth/oidc: the providers; /:id/start: off to the provider (authorization code +
 * PKCE, state and nonce); /:id/callback: back from it, to the app signed in
 * (`/?signin=provider`) or with the reason (`/?signin-error=…`).
 * docs/DESIGN.md "Sign in with an identity provider".
 */
export const oidcRoutes: FastifyPluginAsync<OidcRouteOptions> = async (app, opts) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const byId = new Map(opts.providers.map((p) => [p.id, p]));
  // Discovery once per provider; a failed one is tried again next time (the provider was down).
  const configs = new Map<string, Promise<client.Configuration>>();
  const configOf = (p: OidcProvider) => {
    let found = configs.get(p.id);
    if (!found) {
      const options = p.allowHttp ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 };
      const auth = p.clientSecret ? client.ClientSecretPost(p.clientSecret) : client.None();
      found = client.discovery(p.issuer, p.clientId, p.clientSecret ?? undefined, auth, options);
      found.catch(() => configs.delete(p.id));
      configs.set(p.id, found);
    }
    return found;
  };
  const callbackUrl = (p: OidcProvider) => `${opts.publicUrl().replace(/\/$/, '')}${FLOW_PATH}/${p.id}/callback`;
  const flowCookie = (req: FastifyRequest) => ({ httpOnly: true, sameSite: 'lax' as const, secure: req.protocol === 'https', path: FLOW_PATH });
  const fail = (req: FastifyRequest, reply: FastifyReply, provider: string, reason: ProviderSignInFailure, detail?: string) => {
    securityEvent(req.log, 'provider_sign_in_refused', { provider, reason, ip: req.ip, ...(detail ? { detail } : {}) });
    return reply.redirect(`/?signin-error=${reason}`);
  };
  const params = z.strictObject({ id: identityProviderId });

  api.get('/', {
    schema: { tags: ['auth'], security: [], response: { 200: identityProvidersSchema } },
  }, async () => ({ providers: opts.providers.map(({ id, label }) => ({ id, label })) }));

  api.get('/:id/start', { schema: { tags: ['auth'], security: [], params } }, async (req, reply) => {
    const provider = byId.get(req.params.id);
    if (!provider) return reply.code(404).send({ error: 'not_found', message: 'No such sign-in provider.' });
    let config: client.Configuration;
    try {
      config = await configOf(provider);
    } catch (e) {
      return fail(req, reply, provider.id, 'unavailable', e instanceof Error ? e.message : String(e));
    }
    const flow = { provider: provider.id, state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    reply.setCookie(FLOW_COOKIE, JSON.stringify(flow), { ...flowCookie(req), maxAge: FLOW_SECONDS });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl(provider),
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return reply.redirect(url.href);
  });

  api.get('/:id/callback', { schema: { tags: ['auth'], security: [], params, querystring: z.record(z.string(), z.string()) } }, async (req, reply) => {
    const provider = byId.get(req.params.id);
    if (!provider) return reply.code(404).send({ error: 'not_found', message: 'No such sign-in provider.' });
    // Spent by this answer whatever it says: a flow is used once.
    let flow: z.infer<typeof flowSchema> | null = null;
    try {
      flow = flowSchema.parse(JSON.parse(req.cookies[FLOW_COOKIE] ?? ''));
    } catch {
      flow = null;
    }
    reply.clearCookie(FLOW_COOKIE, flowCookie(req));
    if (!flow || flow.provider !== provider.id) return fail(req, reply, provider.id, 'expired');
    let config: client.Configuration;
    try {
      config = await configOf(provider);
    } catch (e) {
      return fail(req, reply, provider.id, 'unavailable', e instanceof Error ? e.message : String(e));
    }
    let said: { email?: unknown; email_verified?: unknown };
    try {
      const current = new URL(callbackUrl(provider));
      current.search = new URL(req.url, 'http://callback').search;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims()!;
      said = { email: claims.email, email_verified: claims.email_verified };
      // A provider that keeps the email out of the ID token (OpenID Connect's default when an
      // access token is issued) answers it at its userinfo endpoint, for the same subject.
      if (said.email === undefined) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        said = { email: info.email, email_verified: info.email_verified };
      }
    } catch (e) {
      // A refused or forged answer, a state that is not ours, a bad ID token signature or nonce.
      return fail(req, reply, provider.id, 'provider', e instanceof Error ? e.message : String(e));
    }
    const decision = linkByEmail(said, typeof said.email === 'string' && said.email ? await app.repo.findUserByEmail(said.email) : null);
    if (decision.kind === 'refuse') return fail(req, reply, provider.id, decision.reason);
    await opts.signIn(req, reply, decision.person);
    securityEvent(req.log, 'provider_sign_in', { provider: provider.id, userId: decision.person.id, ip: req.ip });
    // Signing in is the person changing their mind, whichever way (docs/DESIGN.md "Deleting an account").
    await cancelOnSignIn(app.accountDeps, req.log, decision.person.id, req.ip);
    return reply.redirect(`/?${PROVIDER_SIGNED_IN}`);
  });
};
