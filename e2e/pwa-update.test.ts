import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

// When a new version has been cached, a prompt offers to reload into it, and nothing
// unsynced is lost by reloading. A deploy changes the files the server serves, so this test runs
// its OWN server on a copy of the build (the shared server's files stay untouched for the tests
// running beside it) and deploys "the next version" by rewriting the copy's sw.js.

const repo = join(import.meta.dirname, '..');
const build = join(repo, 'web', process.env.SPOTTER_BUILD ? `build-${process.env.SPOTTER_BUILD}` : 'build');
let dir: string;
let server: ChildProcess;
let origin: string;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spotter-update-'));
  cpSync(build, join(dir, 'web'), { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(repo, 'sync-server/src/main.ts')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'spotter.db'), DEMO_DATA: '1', WEB_ROOT: join(dir, 'web') },
    stdio: 'ignore',
  });
  // A start seeds the demo accounts (argon2 hashes): on a loaded machine that took over 30 s once.
  await expect.poll(() => fetch(`${origin}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
});

test.afterAll(async () => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('a waiting new version is offered with "Reload", and reloading into it keeps unsynced changes', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await signIn(page, 'client3@demo.test');
  await page.goto('/client/messages');
  await expect(page.getByRole('heading', { name: /^Messages with/ })).toBeVisible();
  const prompt = page.getByRole('status').filter({ hasText: 'A new version of Spotter is ready.' });
  await expect(prompt).toHaveCount(0);

  // The next version is deployed and the browser finds it (as it does on navigation or the
  // app's hourly check): it installs and waits, and the app offers to switch.
  const sw = join(dir, 'web', 'sw.js');
  writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// next version\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  await expect(prompt).toBeVisible();

  // An unsynced change, then "Reload" — offline: the new version's files are already cached.
  // (What opening the thread wrote, its read marker, is uploaded first: the count is this change's.)
  await waitForUpload(page);
  await goOffline(page);
  const body = `Kept across the update ${Date.now()}`;
  await page.getByLabel('Message', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('pending')).toHaveText('1 change waiting to upload');
  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const state = await page.evaluate(async () => {
    const reg = (await navigator.serviceWorker.getRegistration())!;
    return { waiting: reg.waiting !== null, controlled: navigator.serviceWorker.controller?.state };
  });
  expect(state).toEqual({ waiting: false, controlled: 'activated' });
  await expect(prompt).toHaveCount(0);
  // Nothing lost: the change is still on the device and still waiting, then uploads.
  await expect(page.getByTestId('message').filter({ hasText: body })).toHaveCount(1);
  await expect(page.getByTestId('pending')).toHaveText('1 change waiting to upload');
  await goOnline(page);
  await waitForUpload(page);
  const { accessToken } = await api.login(origin, 'coach@demo.test');
  expect((await api.pull<{ body: string }>(origin, accessToken, 'messages')).filter((m) => m.body === body)).toHaveLength(1);
  await context.close();
});
