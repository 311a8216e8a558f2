// Renders the key screens at phone and desktop widths in both themes into docs/screenshots/
// (npm run screenshots). Against BASE_URL when set; otherwise it starts the real server on a
// fresh demo database in a temporary folder and stops it at the end. SHOTS_ALL=1 shoots every
// page (for design review) into SHOTS_DIR instead of the key screens only.
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outDir = process.env.SHOTS_DIR ?? join(root, 'docs', 'screenshots');
const all = process.env.SHOTS_ALL === '1';
const port = Number(process.env.SHOTS_PORT ?? 8798);
let base = process.env.BASE_URL ?? '';
let server: ChildProcess | null = null;

async function startServer(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'spotter-shots-'));
  server = spawn(process.execPath, ['sync-server/src/main.ts'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'spotter.db'), DEMO_DATA: '1' },
  });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}

const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
const themes = ['light', 'dark'] as const;

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('spotter-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('sync-status').waitFor();
  await page.getByLabel('Downloading your data').waitFor({ state: 'detached', timeout: 60_000 });
}

/** The pages of one role: [file name, path], discovered from the demo data through the UI. */
async function pagesOf(page: Page, role: 'coach' | 'client' | 'admin'): Promise<[string, string][]> {
  if (role === 'admin') return [['admin', '/admin']];
  if (role === 'client') {
    await page.goto(`${base}/client`);
    const href = await page.locator('a[href^="/client/sessions/"]').first().getAttribute('href');
    const list: [string, string][] = [['client-today', '/client'], ['client-logging', href ?? '/client'], ['client-progress', '/client/progress']];
    return all ? [...list, ['client-plan', '/client/plan'], ['client-messages', '/client/messages']] : list;
  }
  await page.goto(`${base}/coach`);
  const id = await page.locator('[data-client-id]').first().getAttribute('data-client-id');
  const c = `/coach/clients/${id}`;
  const list: [string, string][] = [['coach-dashboard', '/coach'], ['coach-builder', `${c}/builder`]];
  return all
    ? [...list, ['coach-client', c], ['coach-notes', `${c}/notes`], ['coach-messages', `${c}/messages`], ['coach-recommendations', `${c}/recommendations`], ['coach-exercises', '/coach/exercises'], ['coach-plans', '/coach/plans']]
    : list;
}

async function shoot(browser: Browser) {
  mkdirSync(outDir, { recursive: true });
  for (const role of ['coach', 'client', 'admin'] as const) {
    const context = await browser.newContext({ viewport: widths.phone });
    const page = await context.newPage();
    await signIn(page, `${role}@demo.test`);
    const pages = await pagesOf(page, role);
    for (const theme of themes) {
      await page.evaluate((t) => localStorage.setItem('spotter-theme', t), theme);
      for (const [size, viewport] of Object.entries(widths)) {
        await page.setViewportSize(viewport);
        for (const [name, path] of pages) {
          await page.goto(`${base}${path}`);
          await page.locator('main').first().waitFor();
          // Settled: no skeleton or busy region left (the local queries answered), fonts loaded.
          await page.locator('.skeleton, [aria-busy="true"]').first().waitFor({ state: 'detached' });
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          const file = join(outDir, `${name}-${size}-${theme}.png`);
          await page.screenshot({ path: file, fullPage: all });
          if (all) {
            const sw = await page.evaluate(() => document.documentElement.scrollWidth);
            console.log(`${file} scrollWidth=${sw}`);
          } else console.log(file);
        }
        if (role === 'coach' && !all) {
          // The draft queue: a new draft open in the builder.
          await page.goto(`${base}${pages[1]![1]}`);
          await page.getByRole('button', { name: /Add Session/ }).click();
          await page.getByRole('button', { name: 'Discard' }).first().waitFor();
          await page.screenshot({ path: join(outDir, `coach-draft-queue-${size}-${theme}.png`) });
          await page.getByRole('button', { name: 'Discard' }).first().click();
        }
      }
    }
    await context.close();
  }
}

try {
  if (!base) await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  await shoot(browser);
  await browser.close();
} finally {
  (server as ChildProcess | null)?.kill();
}
