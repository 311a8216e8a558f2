/**
 * Test helper: a REAL sync server on 127.0.0.1 (random port) with a fresh SQLite file in a
 * temp folder (or, in vitest.config.ts project "pg", a fresh database on the PostgreSQL
 * cluster it started: SPOTTER_TEST_STORE=pg, SPOTTER_TEST_PG) and the demo data (docs/DESIGN.md "Demo accounts", password `spotter-demo`).
 * Used by the server's tests, the web data-layer tests, the simulation and the benchmarks:
 * keep this API stable.
 *
 *   const server = await startTestServer();
 *   const coach = await server.login('coach@demo.test');   // { accessToken, user, cookie }
 *   const res = await server.api(coach.accessToken, 'POST', '/api/sync/sessions/pull', { checkpoint: null, batchSize: 50 });
 *   const again = await server.refresh(coach.cookie);       // the refresh token travels as a cookie
 *   await server.close();                                  // stops it and deletes the temp folder
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER, type LoginResponse } from '@spotter/shared';
import type { AppOptions } from '../src/app.ts';
import { REFRESH_COOKIE } from '../src/auth/routes.ts';
import { outboxMailer, smtpMailer } from '../src/mail/mailer.ts';
import { DEMO_PASSWORD } from '../src/demo/seed.ts';
import { startServer } from '../src/server.ts';
import { createDatabase, dropDatabase } from './pg-cluster.ts';

export { DEMO_PASSWORD };

export interface TestServerOptions {
  /** Default true: the demo accounts and data. */
  demoData?: boolean;
  /** Reuse this database file (e.g. to restart on the same data); default: a fresh temp file. */
  dbPath?: string;
  /** Reuse this PostgreSQL database (a TestServer's databaseUrl, to restart on the same data). */
  databaseUrl?: string;
  /** Seconds; default 900. */
  accessTokenTtl?: number;
  /** Seconds; default 30 days. */
  refreshTokenTtl?: number;
  /** Failed sign-ins before 429 (sync-server/src/auth/attempts.ts defaults). */
  loginLimits?: AppOptions['loginLimits'];
  refreshReuseGraceMs?: number;
  /** Believe X-Forwarded-* from these addresses (e.g. '127.0.0.1' to test client addresses). */
  trustProxy?: AppOptions['trustProxy'];
  /** Write the server's log (pino JSON lines, level info) here. */
  logStream?: Writable;
  /** Open SSE streams per user before the oldest is closed. */
  maxStreamsPerUser?: number;
  /** Serve a built web app from this folder. */
  webRoot?: string;
  /** Origins exempt from the push endpoint checks (a local push service, push-notifications.test.ts). */
  pushAllow?: ReadonlySet<string>;
  /** The largest media upload in bytes (default 50 MB); the files go beside the database. */
  mediaMaxBytes?: number;
  /** Send mail over SMTP to this local port (an in-process smtp-server, test/mailbox.ts); default: the dev outbox in the temp folder. */
  smtpPort?: number;
  /** The self-service routes' limits (sync-server/src/accounts/limits.ts defaults). */
  accountLimits?: AppOptions['accountLimits'];
  /** The scheduler's clock and timers (default: no timers; tests call app.scheduler.plan() and tick()). */
  scheduler?: AppOptions['scheduler'];
  /** Identity providers (an in-process one: test/idp.ts). */
  oidc?: AppOptions['oidc'];
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A sign-in's answer and the refresh cookie it set (`spotter_refresh=…`, for the Cookie header). */
export type TestSession = LoginResponse & { cookie: string };

/** The `name=value` of the refresh cookie a response set; '' when it set none or cleared it. */
export function refreshCookieOf(headers: Headers): string {
  for (const line of headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    if (pair.startsWith(`${REFRESH_COOKIE}=`)) return pair.length > REFRESH_COOKIE.length + 1 ? pair : '';
  }
  return '';
}

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  url: string;
  dbPath: string;
  /** The PostgreSQL database this server runs on; null on SQLite. */
  databaseUrl: string | null;
  /** The Fastify instance (for app.inject or app.repo in server tests). */
  app: FastifyInstance;
  /** Signs in through POST /api/auth/login (password defaults to the demo one); throws unless 200. */
  login(email: string, password?: string): Promise<TestSession>;
  /**
   * fetch + JSON: `token` null for no Authorization header; body is JSON-encoded unless a
   * string. /api/auth calls carry the CSRF header; `headers` adds or overrides (e.g. cookie).
   */
  api<T = any>(token: string | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /** POST /api/auth/refresh with this cookie; `cookie` in the answer is the new one ('' if none). */
  refresh(cookie: string): Promise<ApiResponse<LoginResponse> & { cookie: string }>;
  /** POST /api/auth/logout with this cookie (and access token, when given). */
  logout(cookie: string | null, accessToken?: string | null): Promise<ApiResponse>;
  close(): Promise<void>;
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dir = opts.dbPath ? null : mkdtempSync(join(tmpdir(), 'spotter-test-'));
  const dbPath = opts.dbPath ?? join(dir!, 'spotter.db');
  // On PostgreSQL: a database of its own per server, dropped on close (unless it was given).
  const pgAdmin = process.env.SPOTTER_TEST_STORE === 'pg' ? process.env.SPOTTER_TEST_PG : undefined;
  const ownDatabase = !opts.databaseUrl && !opts.dbPath && pgAdmin ? `spotter_test_${randomBytes(6).toString('hex')}` : null;
  const databaseUrl = opts.databaseUrl ?? (ownDatabase ? await createDatabase(pgAdmin!, ownDatabase) : null);
  const server = await startServer({
    databasePath: dbPath,
    databaseUrl,
    pg: { poolMax: 5 },
    demoData: opts.demoData ?? true,
    port: 0,
    host: '127.0.0.1',
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256',
    accessTokenTtl: opts.accessTokenTtl ?? 900,
    refreshTokenTtl: opts.refreshTokenTtl ?? 30 * 24 * 3600,
    webRoot: opts.webRoot ?? null,
    loginLimits: opts.loginLimits,
    refreshReuseGraceMs: opts.refreshReuseGraceMs,
    trustProxy: opts.trustProxy,
    logger: opts.logStream ? { level: 'info', stream: opts.logStream } : false,
    maxStreamsPerUser: opts.maxStreamsPerUser,
    push: { allow: opts.pushAllow },
    media: opts.mediaMaxBytes ? { dir: join(dirname(dbPath), 'media'), maxBytes: opts.mediaMaxBytes } : undefined,
    mailer: opts.smtpPort
      ? smtpMailer({ url: `smtp://127.0.0.1:${opts.smtpPort}`, from: 'Spotter test <no-reply@spotter.test>' })
      : outboxMailer(join(dirname(dbPath), 'outbox')),
    accountLimits: opts.accountLimits,
    scheduler: opts.scheduler,
    oidc: opts.oidc,
  });
  const url = server.url.replace(/\/$/, '');

  async function api<T>(token: string | null, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (path.startsWith('/api/auth/')) headers[CSRF_HEADER] = '1';
    Object.assign(headers, extra);
    const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  return {
    url,
    dbPath,
    databaseUrl,
    app: server.app,
    api,
    async login(email, password = DEMO_PASSWORD) {
      const res = await api<LoginResponse>(null, 'POST', '/api/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { ...res.body, cookie: refreshCookieOf(res.headers) };
    },
    async refresh(cookie) {
      const res = await api<LoginResponse>(null, 'POST', '/api/auth/refresh', undefined, cookie ? { cookie } : {});
      return { ...res, cookie: refreshCookieOf(res.headers) };
    },
    logout: (cookie, accessToken = null) => api(accessToken, 'POST', '/api/auth/logout', undefined, cookie ? { cookie } : {}),
    async close() {
      await server.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      if (ownDatabase) await dropDatabase(pgAdmin!, ownDatabase);
    },
  };
}
