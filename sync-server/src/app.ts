import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { serverTimeHeader } from '@spotter/shared';
import { adminRoutes } from './admin/routes.ts';
import { authPlugin } from './auth/plugin.ts';
import { repositoryRateLimitStore } from './auth/rate-limit-store.ts';
import { authRoutes } from './auth/routes.ts';
import { badRequest, errorHandler } from './errors.ts';
import { restRoutes } from './rest/routes.ts';
import type { Repository } from './storage/repository.ts';
import { LocalNotifier, type Notifier } from './sync/notifier.ts';
import { syncRoutes } from './sync/routes.ts';
import { streamRoute } from './sync/stream.ts';
import { illFormedTextAt } from './text-check.ts';
import { webApp } from './web/static.ts';

declare module 'fastify' {
  interface FastifyInstance {
    repo: Repository;
    notifier: Notifier;
  }
}

export interface AppOptions {
  repo: Repository;
  notifier?: Notifier;
  jwtSecret: string;
  /** Seconds. */
  accessTokenTtl: number;
  refreshTokenTtl: number;
  /** The built web app (web/build); not served when null or missing. */
  webRoot?: string | null;
  logger?: boolean;
  bodyLimit?: number;
  maxLoginFailuresPerAccount?: number;
  /** Grace window for a refresh token already spent by a refresh; default one minute. */
  refreshReuseGraceMs?: number;
  maxLoginFailuresPerIp?: number;
}

/** The whole server, without listening: main.ts and the tests both build it here. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: opts.bodyLimit ?? 2 * 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('repo', opts.repo);
  app.decorate('notifier', opts.notifier ?? new LocalNotifier());
  // Text that is not valid Unicode is refused before any route sees it: stored, it would
  // silently become something else (text-check.ts).
  app.addHook('preValidation', async (req) => {
    const at = illFormedTextAt(req.body);
    if (at) throw badRequest(`${at}: is not valid text (it holds a lone UTF-16 surrogate). Nothing was saved.`);
  });
  // The server's clock, to the millisecond, on every answer: devices correct their own clocks
  // by it before stamping edits (shared-schema/src/hlc.ts; the Date header has whole seconds).
  app.addHook('onSend', async (_req, reply) => {
    reply.header(serverTimeHeader, String(Date.now()));
  });

  // Plugins first, routes after.
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Spotter sync server', version: '1.0.0', description: 'RxDB replication, auth and the REST API of Spotter.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyRateLimit, { global: false, store: repositoryRateLimitStore(opts.repo) });
  await app.register(authPlugin, { secret: opts.jwtSecret, accessTokenTtl: opts.accessTokenTtl });

  app.get('/api/health', { schema: { tags: ['meta'], security: [] } }, async () => ({ ok: true }));
  await app.register(authRoutes, {
    prefix: '/api/auth',
    refreshTokenTtl: opts.refreshTokenTtl,
    refreshReuseGraceMs: opts.refreshReuseGraceMs ?? 60_000,
    maxFailuresPerAccount: opts.maxLoginFailuresPerAccount ?? 10,
    maxFailuresPerIp: opts.maxLoginFailuresPerIp ?? 50,
    failureWindowMs: 15 * 60_000,
  });
  await app.register(streamRoute, { prefix: '/api' });
  await app.register(
    async (api) => {
      api.addHook('onRequest', api.authenticate);
      await api.register(syncRoutes);
      await api.register(restRoutes);
      await api.register(adminRoutes);
    },
    { prefix: '/api' },
  );
  if (opts.webRoot) await app.register(webApp, { root: opts.webRoot });
  return app;
}
