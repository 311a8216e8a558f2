import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_HEADER, errorSchema, loginRequestSchema, loginResponseSchema, refusal, type Person } from '@spotter/shared';
import { cancelOnSignIn } from '../accounts/deletion.service.ts';
import { deviceLabel } from '../accounts/device-label.ts';
import { accountLinkRoutes } from '../accounts/routes.ts';
import { HttpError } from '../errors.ts';
import { securityEvent } from '../security-log.ts';
import { loginAttemptLimits, type LoginLimits } from './attempts.ts';
import { adoptTimeZone } from './time-zone.ts';
import type { OidcProvider } from './oidc/config.ts';
import { oidcRoutes } from './oidc/routes.ts';
import { login, logoutByRefreshToken, logoutFamily, refresh, signInAs, type Issued, type TokenIssuer } from './service.ts';

export interface AuthRouteOptions {
  refreshTokenTtl: number;
  refreshReuseGraceMs: number;
  limits: LoginLimits;
  /** Sign-in through identity providers (oidc/): the configured ones and the app's public origin. */
  oidc: { providers: OidcProvider[]; publicUrl(): string };
}

/** The refresh token's cookie: HttpOnly, SameSite=Strict, sent only to these routes. */
export const REFRESH_COOKIE = 'spotter_refresh';
const COOKIE_PATH = '/api/auth';

const unauthorized = () => new HttpError(401, 'unauthorized', 'Wrong email or password.');
const ended = () => new HttpError(401, 'unauthorized', 'This session has ended; sign in again.');

/** POST /api/auth/login, /refresh, /logout. Public: they are how a token is obtained. */
export const authRoutes: FastifyPluginAsync<AuthRouteOptions> = async (app, opts) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tokens: TokenIssuer = {
    signAccess: (p: Person, familyId: string) => app.jwt.sign({ sub: p.id, role: p.role, sid: familyId }),
    refreshTokenTtl: opts.refreshTokenTtl,
    refreshReuseGraceMs: opts.refreshReuseGraceMs,
  };

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'POST' || req.headers[CSRF_HEADER] === '1') return;
    securityEvent(req.log, 'csrf_refused', { ip: req.ip, url: req.url, origin: req.headers.origin });
    return reply.code(403).send({ error: 'forbidden', message: `Requests to /api/auth need the header ${CSRF_HEADER}: 1.` });
  });

  // Secure over https only (X-Forwarded-Proto counts behind a trusted proxy, app.ts trustProxy):
  // a Secure cookie is never sent back over plain http, which would sign out local testing.
  const setCookie = (req: FastifyRequest, reply: FastifyReply, issued: Issued) =>
    reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.protocol === 'https',
      path: COOKIE_PATH,
      maxAge: opts.refreshTokenTtl,
    });
  const clearCookie = (req: FastifyRequest, reply: FastifyReply) =>
    reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: COOKIE_PATH });

  // The links from emails and "forgot password", under the same CSRF rule.
  await app.register(accountLinkRoutes);
  // Signing in through a provider ends like a password sign-in: a new session, its cookie.
  await app.register(oidcRoutes, {
    prefix: '/oidc',
    providers: opts.oidc.providers,
    publicUrl: opts.oidc.publicUrl,
    // Not `=> setCookie(…)`: a Fastify reply is thenable, and awaiting it waits for the answer to be sent.
    signIn: async (req, reply, person) => {
      setCookie(req, reply, await signInAs(app.repo, tokens, person, deviceLabel(req.headers['user-agent'])));
    },
  });

  api.post('/login', {
    schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: loginResponseSchema, 401: errorSchema, 429: errorSchema } },
  }, async (req, reply) => {
    const { email, password } = req.body;
    const limits = loginAttemptLimits(opts.limits, email, req.ip);
    // The attempt is counted BEFORE the password is checked (SECURITY.md "Sign-in").
    const reserved = await app.repo.reserveAttempt(limits, Date.now());
    if (!reserved.ok) {
      const seconds = Math.max(1, Math.ceil(reserved.retryAfterMs / 1000));
      const minutes = Math.ceil(seconds / 60);
      securityEvent(req.log, 'login_locked', { email, ip: req.ip, retryAfterSeconds: seconds });
      reply.header('retry-after', String(seconds));
      throw new HttpError(429, 'too_many_requests', `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
    const issued = await login(app.repo, tokens, email, password, deviceLabel(req.headers['user-agent']));
    if (!issued) {
      securityEvent(req.log, 'login_failed', { email, ip: req.ip });
      throw unauthorized();
    }
    await app.repo.releaseAttempt(limits, Date.now());
    // Signing in with the password is the person changing their mind (docs/DESIGN.md "Deleting an account").
    await cancelOnSignIn(app.accountDeps, req.log, issued.body.user.id, req.ip);
    if (req.body.timeZone && (await adoptTimeZone(app.repo, issued.body.user.id, req.body.timeZone, new Date()))) {
      app.notifier.publish({ collections: ['people'] });
      app.scheduler.replan(); // the person's reminders now fall in their own zone
    }
    setCookie(req, reply, issued);
    return issued.body;
  });

  // Refresh and logout read no body: the refresh token is the cookie.
  api.post('/refresh', {
    schema: { tags: ['auth'], response: { 200: loginResponseSchema, 401: errorSchema, 403: errorSchema } },
  }, async (req, reply) => {
    const token = req.cookies[REFRESH_COOKIE];
    if (!token) throw ended();
    const result = await refresh(app.repo, tokens, token);
    if (result.kind === 'reuse') {
      securityEvent(req.log, 'refresh_token_reuse', { userId: result.userId, family: result.familyId, ip: req.ip });
      app.notifier.publish({ collections: [], endedFamilies: [result.familyId] });
    }
    // The cookie of a deleted account stays: every tab and reload of that device is told so, not
    // just the first request (a device that reloads before emptying itself would else wait for a sign-in).
    if (result.kind === 'deleted') throw new HttpError(401, 'unauthorized', refusal('account_deleted').message, 'account_deleted');
    if (result.kind !== 'ok') {
      clearCookie(req, reply);
      throw ended();
    }
    setCookie(req, reply, result.issued);
    return result.issued.body;
  });

  api.post('/logout', {
    schema: { tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }), 403: errorSchema } },
  }, async (req, reply) => {
    // The cookie names the family; without it (another client), a valid access token does.
    const token = req.cookies[REFRESH_COOKIE];
    let family: string | null = null;
    if (token) family = await logoutByRefreshToken(app.repo, token);
    else {
      const user = await req.jwtVerify<{ sid?: string }>().catch(() => null);
      if (user?.sid) await logoutFamily(app.repo, (family = user.sid));
    }
    // The device's open streams end now, on every instance (sync/stream.ts).
    if (family) app.notifier.publish({ collections: [], endedFamilies: [family] });
    clearCookie(req, reply);
    return { ok: true as const };
  });
};
