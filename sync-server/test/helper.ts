/**
 * Test helper: a REAL sync server on 127.0.0.1 (random port) with a fresh SQLite file in a
 * temp folder and the demo data (docs/DESIGN.md "Demo accounts", password `spotter-demo`).
 * Used by the server's tests, the web data-layer tests, the simulation and the benchmarks:
 * keep this API stable.
 *
 *   const server = await startTestServer();
 *   const coach = await server.login('coach@demo.test');   // { accessToken, refreshToken, user }
 *   const res = await server.api(coach.accessToken, 'POST', '/api/sync/sessions/pull', { checkpoint: null, batchSize: 50 });
 *   await server.close();                                  // stops it and deletes the temp folder
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { LoginResponse } from '@spotter/shared';
import { DEMO_PASSWORD } from '../src/demo/seed.ts';
import { startServer } from '../src/server.ts';

export { DEMO_PASSWORD };

export interface TestServerOptions {
  /** Default true: the demo accounts and data. */
  demoData?: boolean;
  /** Reuse this database file (e.g. to restart on the same data); default: a fresh temp file. */
  dbPath?: string;
  /** Seconds; default 900. */
  accessTokenTtl?: number;
  /** Seconds; default 30 days. */
  refreshTokenTtl?: number;
  /** Failed logins before 429; defaults 10 per account, 50 per IP. */
  maxLoginFailuresPerAccount?: number;
  refreshReuseGraceMs?: number;
  maxLoginFailuresPerIp?: number;
  /** Serve a built web app from this folder. */
  webRoot?: string;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  url: string;
  dbPath: string;
  /** The Fastify instance (for app.inject or app.repo in server tests). */
  app: FastifyInstance;
  /** Signs in through POST /api/auth/login (password defaults to the demo one); throws unless 200. */
  login(email: string, password?: string): Promise<LoginResponse>;
  /** fetch + JSON: `token` null for no Authorization header; body is JSON-encoded unless a string. */
  api<T = any>(token: string | null, method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dir = opts.dbPath ? null : mkdtempSync(join(tmpdir(), 'spotter-test-'));
  const dbPath = opts.dbPath ?? join(dir!, 'spotter.db');
  const server = await startServer({
    databasePath: dbPath,
    demoData: opts.demoData ?? true,
    port: 0,
    host: '127.0.0.1',
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256',
    accessTokenTtl: opts.accessTokenTtl ?? 900,
    refreshTokenTtl: opts.refreshTokenTtl ?? 30 * 24 * 3600,
    webRoot: opts.webRoot ?? null,
    maxLoginFailuresPerAccount: opts.maxLoginFailuresPerAccount,
    refreshReuseGraceMs: opts.refreshReuseGraceMs,
    maxLoginFailuresPerIp: opts.maxLoginFailuresPerIp,
  });
  const url = server.url.replace(/\/$/, '');

  async function api<T>(token: string | null, method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
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
    app: server.app,
    api,
    async login(email, password = DEMO_PASSWORD) {
      const res = await api<LoginResponse>(null, 'POST', '/api/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async close() {
      await server.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
