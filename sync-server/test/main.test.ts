import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'spotter-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `node sync-server/src/main.ts` as `npm start` does; resolves with the URL it prints. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['sync-server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATABASE_PATH: join(dir, 'db', 'spotter.db'), WEB_ROOT: join(dir, 'no-web'), ...env },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d) => (out += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) setTimeout(() => resolve({ child, url: m[1]!, output: () => out }), 50);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const stop = (child: ChildProcess, signal: NodeJS.Signals) => new Promise((r) => (child.once('exit', r), child.kill(signal)));

const auth = { 'content-type': 'application/json', 'x-spotter-csrf': '1' };

describe('main.ts', () => {
  it('creates the database and demo data once, survives SIGKILL, and keeps the data', async () => {
    const first = await start({});
    expect(first.output()).toMatch(/coach@demo\.test\s+password: spotter-demo/);
    const login = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: auth, body: JSON.stringify({ email: 'client@demo.test', password: 'spotter-demo' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    await stop(first.child, 'SIGKILL');

    const second = await start({});
    // Same database: no new demo data, and the refresh token (and generated JWT secret) still hold.
    expect(second.output()).not.toMatch(/Demo accounts created/);
    const refreshed = await fetch(`${second.url}/api/auth/refresh`, { method: 'POST', headers: { 'x-spotter-csrf': '1', cookie } });
    expect(refreshed.status).toBe(200);
    await stop(second.child, 'SIGTERM');
    // Two real starts of the server, the first writing months of demo data: 14 s on a quiet
    // 2-core machine, over 30 s beside other work.
  }, 90_000);

  it('starts empty with DEMO_DATA=0', async () => {
    const run = await start({ DEMO_DATA: '0', DATABASE_PATH: join(dir, 'empty', 'spotter.db') });
    expect(run.output()).not.toMatch(/Demo accounts/);
    const login = await fetch(`${run.url}/api/auth/login`, { method: 'POST', headers: auth, body: JSON.stringify({ email: 'coach@demo.test', password: 'spotter-demo' }) });
    expect(login.status).toBe(401);
    await stop(run.child, 'SIGTERM');
  });
});
