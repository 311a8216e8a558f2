import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, loginRequestSchema, loginResponseSchema, refreshRequestSchema, type Person } from '@spotter/shared';
import { HttpError } from '../errors.ts';
import { login, logout, refresh, type TokenIssuer } from './service.ts';

export interface AuthRouteOptions {
  refreshTokenTtl: number;
  refreshReuseGraceMs: number;
  /** Failed logins allowed per account / per IP in the window before 429. */
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  failureWindowMs: number;
}

const unauthorized = () => new HttpError(401, 'unauthorized', 'Wrong email or password.');

/** POST /api/auth/login, /refresh, /logout. Public: they are how a token is obtained. */
export const authRoutes: FastifyPluginAsync<AuthRouteOptions> = async (app, opts) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tokens: TokenIssuer = {
    signAccess: (p: Person) => app.jwt.sign({ sub: p.id, role: p.role }),
    refreshTokenTtl: opts.refreshTokenTtl,
    refreshReuseGraceMs: opts.refreshReuseGraceMs,
  };
  // Only failures count (a gym's shared Wi-Fi must not lock out people who type correctly).
  const emailKey = (req: FastifyRequest) => `account:${String((req.body as { email?: unknown })?.email ?? '').toLowerCase()}`;
  const perAccount = app.createRateLimit({ max: opts.maxFailuresPerAccount, timeWindow: opts.failureWindowMs, keyGenerator: emailKey });
  const perIp = app.createRateLimit({ max: opts.maxFailuresPerIp, timeWindow: opts.failureWindowMs, keyGenerator: (req) => `ip:${req.ip}` });
  const limited = (s: Awaited<ReturnType<typeof perIp>>) => !s.isAllowed && (s.isExceeded || s.remaining <= 0);

  api.post('/login', {
    schema: { tags: ['auth'], body: loginRequestSchema, response: { 200: loginResponseSchema, 401: errorSchema, 429: errorSchema } },
  }, async (req) => {
    const [account, ip] = await Promise.all([perAccount(req, { increment: false }), perIp(req, { increment: false })]);
    if (limited(account) || limited(ip)) {
      const minutes = Math.ceil(Math.max(account.isAllowed ? 0 : account.ttl, ip.isAllowed ? 0 : ip.ttl) / 60_000) || 1;
      throw new HttpError(429, 'too_many_requests', `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    }
    const result = await login(app.repo, tokens, req.body.email, req.body.password);
    if (!result) {
      await Promise.all([perAccount(req), perIp(req)]);
      throw unauthorized();
    }
    return result;
  });

  api.post('/refresh', {
    schema: { tags: ['auth'], body: refreshRequestSchema, response: { 200: loginResponseSchema, 401: errorSchema } },
  }, async (req) => {
    const result = refresh(app.repo, tokens, req.body.refreshToken);
    if (!result) throw new HttpError(401, 'unauthorized', 'This session has ended; sign in again.');
    return result;
  });

  api.post('/logout', {
    schema: { tags: ['auth'], body: refreshRequestSchema, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (req) => {
    logout(app.repo, req.body.refreshToken);
    return { ok: true as const };
  });
};
