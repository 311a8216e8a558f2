import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { MEDIA_MAX_BYTES, serverTimeHeader } from '@spotter/shared';
import type { AccountDeps } from './accounts/deps.ts';
import { defaultAccountLimits, type AccountLimits } from './accounts/limits.ts';
import { eraseAccount } from './accounts/deletion.service.ts';
import { accountRoutes } from './accounts/routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { authPlugin } from './auth/plugin.ts';
import { defaultLoginLimits, type LoginLimits } from './auth/attempts.ts';
import { authRoutes } from './auth/routes.ts';
import type { OidcProvider } from './auth/oidc/config.ts';
import { badRequest, errorHandler } from './errors.ts';
import { exportRoutes } from './export/routes.ts';
import { mediaRoutes } from './media/routes.ts';
import { DiskMediaStorage } from './media/storage.ts';
import { securityHeaders } from './security-headers.ts';
import { PushService } from './push/notifications.service.ts';
import { pushRoutes } from './push/routes.ts';
import { loadVapid, type VapidSettings } from './push/vapid.ts';
import type { Mailer } from './mail/mailer.ts';
import { restRoutes } from './rest/routes.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import type { Repository } from './storage/repository.ts';
import { LocalNotifier, type Notifier } from './sync/notifier.ts';
import { syncRoutes } from './sync/routes.ts';
import { streamRoute } from './sync/stream.ts';
import { illFormedTextAt } from './text-check.ts';
import { webApp } from './web/static.ts';
import { importRoutes } from './import/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    repo: Repository;
    notifier: Notifier;
    /** Web Push: subscriptions and the notices accepted writes send (push/). */
    pushes: PushService;
    /** Invitations, password resets, account changes (accounts/): the store, mail, links. */
    accountDeps: AccountDeps;
    /** Reminders and the coach's alerts, due at a time (scheduler/). */
    scheduler: Scheduler;
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
  /** Fastify's logger option (pino): security events are logged through it (security-log.ts). */
  logger?: FastifyServerOptions['logger'];
  /** Log every request (LOG_REQUESTS=1); off by default, security events are logged anyway. */
  logRequests?: boolean;
  bodyLimit?: number;
  /** Race window for a refresh token already spent by a refresh; default 10 seconds. */
  refreshReuseGraceMs?: number;
  /** Failed sign-ins allowed (attempts.ts); each part defaults to defaultLoginLimits. */
  loginLimits?: Partial<LoginLimits>;
  /**
   * Fastify's trustProxy: the reverse proxies whose X-Forwarded-For / -Proto are believed
   * (the client address for the sign-in limits, https for Secure cookies and HSTS). Off by
   * default: a client could otherwise claim any address (README "Running behind https").
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** Open SSE streams per user before the oldest is closed (sync/stream.ts); default 20. */
  maxStreamsPerUser?: number;
  /**
   * Web Push (docs/DESIGN.md "Notifications"): the VAPID keys (default: a pair kept in the
   * database) and the origins exempt from the endpoint checks (only tests' local push service).
   */
  push?: { vapid?: VapidSettings; allow?: ReadonlySet<string> };
  /**
   * A coach's own media (docs/DESIGN.md "Media storage"): the folder files are stored in (by
   * their SHA-256) and the largest upload in bytes (default 50 MB). Without a folder the media
   * routes are not served.
   */
  media?: { dir: string; maxBytes?: number };
  /**
   * Where invitation and reset emails go (mail/mailer.ts): SMTP, or the dev outbox. Without
   * one, mails are dropped with an error in the log (only app.inject tests build it so).
   */
  mailer?: Mailer;
  /** The web app's origin for links in emails (PUBLIC_URL); startServer fills in its own address when unset. */
  publicUrl?: string | null;
  /** Identity providers people may sign in with (auth/oidc/config.ts); none by default. */
  oidc?: OidcProvider[];
  /** The self-service routes' limits (accounts/limits.ts); each part defaults to defaultAccountLimits. */
  accountLimits?: Partial<AccountLimits>;
  /**
   * The scheduler (docs/DESIGN.md "The scheduler"): `tickMs` starts its timers once the server
   * is ready (absent or null: never, the tests call plan() and tick() themselves); `now` is its
   * clock and the push quiet-hours clock (tests pass a controlled one).
   */
  scheduler?: { tickMs?: number | null; now?: () => Date; leaseMs?: number };
  /** How long an account deletion can be cancelled; default the shared DELETION_UNDO_MS (docs/DESIGN.md "Deleting an account"). */
  deletionUndoMs?: number;
}

/** The whole server, without listening: main.ts and the tests both build it here. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    logController: new LogController({ disableRequestLogging: !opts.logRequests }),
    bodyLimit: opts.bodyLimit ?? 2 * 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('repo', opts.repo);
  app.decorate('notifier', opts.notifier ?? new LocalNotifier());
  const vapid = await loadVapid(opts.repo, opts.push?.vapid);
  app.decorate('pushes', new PushService(opts.repo, vapid, { allow: opts.push?.allow ?? new Set(), log: app.log, now: opts.scheduler?.now }));
  const mailer = opts.mailer ?? { describe: 'none', send: async () => Promise.reject(new Error('no mailer configured')), close: () => undefined };
  const mediaStorage = opts.media ? new DiskMediaStorage(opts.media.dir) : null;
  app.decorate('accountDeps', {
    repo: opts.repo, notifier: app.notifier, mailer, publicUrl: { value: opts.publicUrl ?? null }, limits: { ...defaultAccountLimits, ...opts.accountLimits },
    now: opts.scheduler?.now, deletionUndoMs: opts.deletionUndoMs, mediaFiles: mediaStorage,
  } satisfies AccountDeps);
  app.addHook('onClose', async () => mailer.close());
  app.decorate('scheduler', new Scheduler(opts.repo, app.pushes, {
    now: opts.scheduler?.now, leaseMs: opts.scheduler?.leaseMs, log: app.log,
    // A due account deletion (accounts/deletion.service.ts); a trainer's ended assignments change what is planned.
    eraseAccount: async (userId) => {
      const done = await eraseAccount(app.accountDeps, app.log, userId);
      if (done?.collections.includes('assignments')) app.scheduler.replan();
    },
  }));
  const tickMs = opts.scheduler?.tickMs;
  if (tickMs) app.addHook('onReady', async () => app.scheduler.start(tickMs));
  // Notices still being sent when the server stops are given their chance before the database closes.
  app.addHook('onClose', async () => {
    app.scheduler.stop();
    await app.scheduler.settled();
    await app.pushes.settled();
  });
  // Text that is not valid Unicode is refused before any route sees it: stored, it would
  // silently become something else (text-check.ts).
  app.addHook('preValidation', async (req) => {
    const at = illFormedTextAt(req.body);
    if (at) throw badRequest(`${at}: is not valid text (it holds a lone UTF-16 surrogate or a NUL character). Nothing was saved.`);
  });
  // The server's clock, to the millisecond, on every answer: devices correct their own clocks
  // by it before stamping edits (shared-schema/src/hlc.ts; the Date header has whole seconds).
  app.addHook('onSend', async (_req, reply) => {
    reply.header(serverTimeHeader, String(Date.now()));
  });

  // Plugins first, routes after.
  await securityHeaders(app, opts.webRoot);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Spotter sync server', version: '1.0.0', description: 'RxDB replication, auth and the REST API of Spotter.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Its own page and scripts: staticCSP gives it its own policy (security-headers.ts), never framed,
  // without upgrade-insecure-requests (it would break the docs served over plain http).
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  await app.register(fastifyCookie);
  await app.register(authPlugin, { secret: opts.jwtSecret, accessTokenTtl: opts.accessTokenTtl });

  app.get('/api/health', { schema: { tags: ['meta'], security: [] } }, async () => ({ ok: true }));
  await app.register(authRoutes, {
    prefix: '/api/auth',
    refreshTokenTtl: opts.refreshTokenTtl,
    refreshReuseGraceMs: opts.refreshReuseGraceMs ?? 10_000,
    limits: { ...defaultLoginLimits, ...opts.loginLimits },
    oidc: { providers: opts.oidc ?? [], publicUrl: () => app.accountDeps.publicUrl.value ?? 'http://localhost' },
  });
  await app.register(streamRoute, { prefix: '/api', maxStreamsPerUser: opts.maxStreamsPerUser });
  await app.register(
    async (api) => {
      api.addHook('onRequest', api.authenticate);
      await api.register(syncRoutes);
      await api.register(restRoutes);
      await api.register(adminRoutes);
      await api.register(pushRoutes);
      if (opts.media && mediaStorage) {
        await api.register(mediaRoutes, { media: { storage: mediaStorage, incoming: mediaStorage.incoming, maxBytes: opts.media.maxBytes ?? MEDIA_MAX_BYTES } });
      }
      await api.register(accountRoutes);
      await api.register(exportRoutes);
      await api.register(importRoutes);
    },
    { prefix: '/api' },
  );
  if (opts.webRoot) await app.register(webApp, { root: opts.webRoot });
  return app;
}
