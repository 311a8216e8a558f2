/**
 * The real sync server as a child process (`node sync-server/src/main.ts`), so the load the
 * bench generates does not share the server's event loop: on 2 cores, one each.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CSRF_HEADER } from '@spotter/shared';
import { benchFamily } from './generate.ts';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const JWT_SECRET = 'bench-secret-long-enough-for-hs256-0123456789';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The bench's own ports (8816–8821 by default; BENCH_PORT=<n> moves them to n … n+5 — a
 * shared machine: other engineers run servers and benches too); 0 = any free port.
 */
const portBase = Number(process.env.BENCH_PORT ?? 8816);
export const PORTS = { browser: portBase, server: portBase + 1, sse: portBase + 2, ssePush: portBase + 3, pgA: portBase + 4, pgB: portBase + 5 } as const;

/** The web build variant the bench builds and serves (BENCH_BUILD, default `bench` → web/build-bench). */
export const BUILD_VARIANT = process.env.BENCH_BUILD ?? 'bench';

async function freePort(wanted = 0): Promise<number> {
  const srv = createServer().listen(wanted, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as { port: number };
  srv.close();
  return port;
}

/** BENCH_PROFILE=1 writes a V8 CPU profile of the server to bench/profiles/ (open in Chrome DevTools). */
export async function startServerProcess(dbPath: string, port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  await freePort(port); // fails early and clearly when the port is taken
  const profile = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', '--cpu-prof-dir', 'bench/profiles'] : [];
  const child = spawn(process.execPath, [...profile, 'sync-server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath, DEMO_DATA: '0', JWT_SECRET, ACCESS_TOKEN_TTL: '3600', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d;
      if (output.includes('Spotter is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGINT'); // main.ts closes cleanly on SIGINT, which also flushes --cpu-prof
      await once(child, 'exit');
    },
  };
}

/** User + system CPU seconds a process has used so far (Linux /proc; 10 ms resolution). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

/**
 * An access token exactly as the server's @fastify/jwt signs it (HS256, sub + role + sid, the
 * family generate.ts started for the account). Signing in 500 users through argon2 would take
 * the bench longer than the load itself; the login path is not what these figures measure.
 */
export function mintToken(sub: string, role: string, ttlSeconds = 3600): string {
  const iat = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, role, sid: benchFamily(sub), iat, exp: iat + ttlSeconds })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

export async function api<T = any>(url: string, token: string | null, path: string, body?: unknown): Promise<T> {
  const res = await fetch(url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(path.startsWith('/api/auth/') ? { [CSRF_HEADER]: '1' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
