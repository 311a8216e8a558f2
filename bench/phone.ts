/**
 * `npm run bench -- phone`: Spotter on a simulated mid-range phone (bench/README.md "Phone").
 *  - Lighthouse (mobile emulation, its simulated mobile network and 4× CPU) on the sign-in page
 *    and on the signed-in client's start page, in Debian's Chromium started by chrome-launcher
 *    with the no-network flags of playwright.config.ts: nothing is downloaded;
 *  - the large account's first sync and offline cold start again, with Chromium DevTools CPU
 *    throttling 4× (Emulation.setCPUThrottlingRate);
 *  - the page's JS heap after that first sync.
 */
import { copyFileSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { BENCH_PASSWORD, clientEmail, COACH_EMAIL, type Generated } from './generate.ts';
import { countDocs, launch, newContext, until } from './browser-harness.ts';
import { figure, median, type Figure } from './report.ts';
import { BUILD_VARIANT, PORTS, repoRoot, startServerProcess } from './server-process.ts';

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const CPU_SLOWDOWN = 4;

const namedRows = (page: Page) => page.getByRole('link', { name: /^Add Training Sessions for (?!Client \(not synced yet\))/ });
const dashboardRows = (page: Page) => page.getByRole('link', { name: /^Add Training Sessions for/ });
const why = (e: unknown) => `not measured: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`;

export async function phoneFigures(baseDb: string, workDir: string, data: Generated): Promise<Figure[]> {
  const dbPath = `${workDir}/phone.db`;
  copyFileSync(baseDb, dbPath);
  const server = await startServerProcess(dbPath, PORTS.browser, { WEB_ROOT: `${repoRoot}web/build-${BUILD_VARIANT}` });
  const figures: Figure[] = [];
  try {
    figures.push(...(await lighthouseFigures(server.url, clientEmail(1))));
    figures.push(...(await throttledFigures(server.url, data)));
  } finally {
    await server.stop();
  }
  return figures;
}

/** Scores and LCP of one Lighthouse run on `url` (default config: mobile form factor, simulated throttling). */
async function audit(port: number, url: string, name: string, keepStorage: boolean): Promise<Figure[]> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    // The signed-in page needs the device's session and database: Lighthouse would wipe them.
    disableStorageReset: keepStorage,
  });
  if (!result) throw new Error('Lighthouse returned no result');
  const { categories, audits, runWarnings } = result.lhr;
  const score = (id: string) => (categories[id]?.score ?? NaN) * 100;
  const note = runWarnings.length ? `Lighthouse warned: ${runWarnings.join(' | ').slice(0, 200)}` : undefined;
  const failing = (id: string) =>
    (categories[id]?.auditRefs ?? []).filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1).map((r) => r.id).join(', ');
  return [
    figure(`lighthouse ${name}: performance`, score('performance'), 'score', '>=', 95, note),
    figure(`lighthouse ${name}: accessibility`, score('accessibility'), 'score', '>=', 100, failing('accessibility') ? `failing: ${failing('accessibility')}` : undefined),
    figure(`lighthouse ${name}: best practices`, score('best-practices'), 'score', '>=', 95, failing('best-practices') ? `failing: ${failing('best-practices')}${deprecations(audits)}` : undefined),
    figure(`lighthouse ${name}: LCP`, audits['largest-contentful-paint']?.numericValue ?? null, 'ms', '<=', 1500,
      `simulated mobile network and ${CPU_SLOWDOWN}× CPU; FCP ${Math.round(audits['first-contentful-paint']?.numericValue ?? NaN)} ms, TBT ${Math.round(audits['total-blocking-time']?.numericValue ?? NaN)} ms`),
  ];
}

/** Which deprecated APIs the page used (Lighthouse's `deprecations` audit), for the note. */
function deprecations(audits: Record<string, { details?: unknown }>): string {
  const items = (audits.deprecations?.details as { items?: { value?: unknown }[] } | undefined)?.items ?? [];
  const texts = items.map((i) => (typeof i.value === 'string' ? i.value : JSON.stringify(i.value))).filter(Boolean);
  return texts.length ? ` (deprecated: ${texts.join('; ').slice(0, 200)})` : '';
}

async function lighthouseFigures(baseURL: string, client: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  try {
    try {
      figures.push(...(await audit(chrome.port, `${baseURL}/`, 'sign-in page', false)));
    } catch (e) {
      figures.push(figure('lighthouse sign-in page', null, '', 'info', 0, why(e)));
    }
    // The installed client's start page: the app's start URL (/) lands a signed-in client on
    // /client. Sign in once in the same browser profile (through CDP), let the first sync and
    // the service worker finish, then audit /client with the device's storage kept.
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      const page = await browser.contexts()[0]!.newPage();
      await page.goto(`${baseURL}/`);
      await page.getByLabel('Email').fill(client);
      await page.getByLabel('Password').fill(BENCH_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/client$/, { timeout: 30_000 });
      await page.getByLabel('Downloading your data').waitFor({ state: 'detached', timeout: 120_000 });
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.close();
      await browser.close(); // disconnects; the signed-in profile stays with chrome-launcher's browser
      figures.push(...(await audit(chrome.port, `${baseURL}/client`, 'client start page (signed in)', true)));
    } catch (e) {
      figures.push(figure('lighthouse client start page', null, '', 'info', 0, why(e)));
    }
  } finally {
    chrome.kill();
  }
  return figures;
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/** The large account's coach at 4× CPU: first sync to a usable dashboard, heap after it, offline cold start. */
async function throttledFigures(baseURL: string, data: Generated): Promise<Figure[]> {
  const figures: Figure[] = [];
  const USABLE = `phone (${CPU_SLOWDOWN}× CPU): initial sync, sign-in → dashboard usable (30 named rows)`;
  const HEAP = 'phone: page JS heap after the first sync';
  const COLD = `phone (${CPU_SLOWDOWN}× CPU): cold start offline, reload → dashboard rendered`;
  const browser = await launch();
  try {
    const context = await newContext(browser, baseURL);
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Email').waitFor();
    const cdp = await throttle(page);
    await page.getByLabel('Email').fill(COACH_EMAIL);
    await page.getByLabel('Password').fill(BENCH_PASSWORD);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    try {
      await namedRows(page).nth(data.clients.length - 1).waitFor({ timeout: 120_000 });
      figures.push(figure(USABLE, Date.now() - t0, 'ms', '<=', 3000, 'CDP Emulation.setCPUThrottlingRate 4 on the page, from the click on "Sign in"'));
    } catch (e) {
      figures.push(figure(USABLE, null, 'ms', '<=', 3000, why(e)));
    }

    const expected = { sessions: data.counts.sessions, logs: data.counts.logs, messages: data.counts.messages };
    const synced = await until(async () => {
      const counts = await countDocs(page);
      return Object.entries(expected).every(([c, n]) => (counts[c] ?? 0) >= n) && (await page.getByLabel('Downloading your data').count()) === 0;
    }, 300_000, 500);
    const syncedAt = Date.now() - t0;
    if (synced) {
      const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      await cdp.send('HeapProfiler.collectGarbage');
      const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      figures.push(figure(HEAP, after / 2 ** 20, 'MB', '<=', 150,
        `used JS heap after a forced GC, the coach's dashboard open, first sync complete after ${syncedAt} ms at ${CPU_SLOWDOWN}× CPU; ${(before / 2 ** 20).toFixed(1)} MB before the GC`));
    } else {
      figures.push(figure(HEAP, null, 'MB', '<=', 150, 'not measured: the first sync did not complete within 300 s'));
    }

    try {
      const ready = await page.evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]));
      if (!ready) throw new Error('no service worker became ready within 15 s');
      await context.setOffline(true);
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        await page.reload({ waitUntil: 'commit' });
        await dashboardRows(page).nth(data.clients.length - 1).waitFor({ timeout: 60_000 });
        runs.push(await page.evaluate(() => performance.now()));
      }
      figures.push(figure(COLD, median(runs), 'ms', '<=', 1500,
        `median of 3 reloads (${runs.map((r) => Math.round(r)).join(', ')} ms), page clock from navigation start; the throttling stays on across reloads of the page`));
    } catch (e) {
      figures.push(figure(COLD, null, 'ms', '<=', 1500, why(e)));
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return figures;
}
