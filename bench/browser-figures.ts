/**
 * Browser figures: the real built PWA served by the real server (child process), driven by
 * Playwright in Debian's Chromium, signed in as the large account's coach and one client.
 */
import { copyFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { BENCH_PASSWORD, clientEmail, COACH_EMAIL, type Generated } from './generate.ts';
import { countDocs, launch, newContext, profiled, signIn, startProfile, until } from './browser-harness.ts';
import { builderFigures } from './browser-builder.ts';
import { figure, median, type Figure } from './report.ts';
import { BUILD_VARIANT, PORTS, repoRoot, startServerProcess } from './server-process.ts';

const dashboardRows = (page: Page) => page.getByRole('link', { name: /^Add Training Sessions for/ });
/** Rows whose client's name has arrived (before the people collection syncs a row reads "Client (not synced yet)"). */
const namedRows = (page: Page) => page.getByRole('link', { name: /^Add Training Sessions for (?!Client \(not synced yet\))/ });

/** Gzip bytes of every script the page loaded (the service worker's own precaching excluded). */
function scriptRecorder(page: Page) {
  const bodies: Promise<number>[] = [];
  const urls: string[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script' || urls.includes(res.url())) return;
    urls.push(res.url());
    bodies.push(res.body().then((b) => gzipSync(b).length, () => 0));
  });
  return async () => ({ files: urls.length, gzip: (await Promise.all(bodies)).reduce((a, b) => a + b, 0) });
}

const ROWS_POLL_MS = 100;
const SETTLE_MS = 2000;

/**
 * Samples the text of the dashboard's client rows every ROWS_POLL_MS from `t0` (the click) until
 * `stop()`; then answers the earliest time from which the text stayed equal to the last sample
 * (null when the last sample did not have every row). What the coach reads, so every column counts: last
 * workout, compliance, late, engagement, next session, drafts.
 */
function watchRowsText(page: Page, t0: number, expectedRows: number) {
  const samples: { at: number; text: string; note: string }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows, note } = await page
        .evaluate(() => ({
          rows: [...document.querySelectorAll('tbody tr[data-client-id]')].map((tr) => (tr as HTMLElement).innerText),
          note: document.querySelector('[data-testid="history-syncing"]')?.textContent ?? '',
        }))
        .catch(() => ({ rows: [] as string[], note: '' })); // the page navigates (sign-in → /coach): that sample is empty
      samples.push({ at: Date.now() - t0, text: rows.length === expectedRows ? JSON.stringify(rows) : '', note });
      await new Promise((r) => setTimeout(r, ROWS_POLL_MS));
    }
  })();
  return {
    /** `at`: final from then on; `recentNote`: when the dashboard first said the recent weeks are in. */
    async stop(): Promise<{ at: number | null; changes: number; recentNote: number | null; lastChange: string }> {
      running = false;
      await loop;
      const last = samples.at(-1)?.text ?? '';
      let changes = 0;
      for (let i = 1; i < samples.length; i++) if (samples[i]!.text !== samples[i - 1]!.text) changes++;
      let from = samples.length - 1;
      while (from > 0 && samples[from - 1]!.text === last) from--;
      const recentNote = samples.find((x) => /recent weeks are in/.test(x.note))?.at ?? null;
      return { at: last ? samples[from]!.at : null, changes, recentNote, lastChange: from > 0 ? rowChange(samples[from - 1]!.text, last) : '' };
    },
  };
}

/** What the last change of the table was (the first row that differs), for the note: which number moved late. */
function rowChange(before: string, after: string): string {
  if (!before) return 'the rows appeared';
  const a = JSON.parse(before) as string[];
  const b = JSON.parse(after) as string[];
  const i = b.findIndex((row, k) => row !== a[k]);
  const flat = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
  return i < 0 ? '' : `last change, row ${i + 1} of ${b.length}: "${flat(a[i])}" → "${flat(b[i])}"`;
}

const unmeasured = (name: string, unit: string, kind: '<=' | '>=' | 'info', target: number, why: unknown) =>
  figure(name, null, unit, kind, target, `not measured: ${String(why instanceof Error ? why.message : why).split('\n')[0]}`);

/** `syncOnly`: only the initial-sync figures (`npm run bench -- sync`: repeated runs of the figures a first sync changes). */
export async function browserFigures(baseDb: string, workDir: string, data: Generated, opts: { syncOnly?: boolean } = {}): Promise<Figure[]> {
  const dbPath = `${workDir}/browser.db`;
  copyFileSync(baseDb, dbPath);
  const server = await startServerProcess(dbPath, PORTS.browser, { WEB_ROOT: `${repoRoot}web/build-${BUILD_VARIANT}` });
  let browser: Browser | undefined;
  const figures: Figure[] = [];
  const expected = { sessions: data.counts.sessions, logs: data.counts.logs, messages: data.counts.messages };
  const expectedTotal = Object.values(expected).reduce((a, b) => a + b, 0);
  try {
    browser = await launch();
    const context = await newContext(browser, server.url);
    const page = await context.newPage();

    // Initial JS of the sign-in page: a fresh browser, nothing cached.
    const signInJs = scriptRecorder(page);
    await page.goto('/', { waitUntil: 'networkidle' });
    const signInSize = await signInJs();

    // Without the app's pages every remaining step would only wait for its timeout.
    const hasSignIn = await page.getByLabel('Email').waitFor({ timeout: 10_000 }).then(() => true, () => false);
    if (!hasSignIn) {
      const why = 'the built app has no sign-in form (are the web pages in web/build?)';
      for (const [name, unit, target] of [
        ['initial JS, sign-in page (gzip)', 'KB', 200],
        ['browser: initial sync, sign-in → dashboard usable (30 named rows)', 'ms', 5000],
        ['browser: initial sync, sign-in → full initial sync complete', 'ms', 5000],
        ['initial JS, coach dashboard (gzip)', 'KB', 200],
        ['browser: cold start offline, reload → dashboard rendered', 'ms', 1000],
        ['builder: "Add Exercise" click → persisted in IndexedDB', 'ms', 16],
        ["propagation: coach submits → visible on the client's open page", 'ms', 500],
      ] as const) figures.push(unmeasured(name, unit, '<=', target, why));
      return figures;
    }
    figures.push(figure('initial JS, sign-in page (gzip)', signInSize.gzip / 1024, 'KB', '<=', 200, `${signInSize.files} scripts`));

    // Initial sync, two figures from the same click on "Sign in":
    //  - usable: the 30 client rows are on the dashboard with their names (people synced, not
    //    "Client (not synced yet)") — what the coach can act on while history still downloads;
    //  - complete: every session, log and message is in IndexedDB (counted with the raw API)
    //    and the app says its first sync is done (the progress bar is gone).
    const USABLE = 'browser: initial sync, sign-in → dashboard usable (30 named rows)';
    const COMPLETE = 'browser: initial sync, sign-in → full initial sync complete';
    const FINAL = 'browser: initial sync, sign-in → dashboard figures final';
    let rowsText: ReturnType<typeof watchRowsText> | undefined;
    try {
      await page.getByLabel('Email').fill(COACH_EMAIL);
      await page.getByLabel('Password').fill(BENCH_PASSWORD);
      const stopProfile = await startProfile(page, 'initial-sync');
      const t0 = Date.now();
      rowsText = watchRowsText(page, t0, data.clients.length);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await namedRows(page).nth(data.clients.length - 1).waitFor({ timeout: 60_000 });
      const usableAt = Date.now() - t0;
      const progressShown = await page.getByLabel('Downloading your data').isVisible();
      figures.push(figure(USABLE, usableAt, 'ms', '<=', 5000,
        `first sync still running then: progress bar ${progressShown ? 'visible' : 'NOT visible'}`));
      let counts: Record<string, number> = {};
      let docsAt = NaN;
      const synced = await until(async () => {
        if (Number.isNaN(docsAt)) {
          counts = await countDocs(page);
          if (Object.entries(expected).every(([c, n]) => (counts[c] ?? 0) >= n)) docsAt = Date.now() - t0;
        }
        return !Number.isNaN(docsAt) && (await page.getByLabel('Downloading your data').count()) === 0;
      }, 120_000, 200);
      const total = Date.now() - t0;
      await stopProfile();
      // The table may still change once the sync is over (its queries go live, the idle-client
      // fallback runs): watch a little longer, so "final" is the text the coach ends up with.
      await page.waitForTimeout(SETTLE_MS);
      const final = await rowsText!.stop();
      const have = Object.keys(expected).reduce((a, c) => a + (counts[c] ?? 0), 0);
      figures.push(figure(COMPLETE, synced ? total : null, 'ms', '<=', 5000,
        synced
          ? `${expectedTotal} sessions+logs+messages in IndexedDB after ${docsAt} ms (${Math.round((expectedTotal / docsAt) * 1000)} docs/s), progress bar gone after ${total} ms`
          : `sync incomplete after 120 s: ${have}/${expectedTotal} documents (${JSON.stringify(counts)})`));
      figures.push(figure(FINAL, synced && final.at !== null ? final.at : null, 'ms', '<=', 5000,
        synced && final.at !== null
          ? `the 30 rows' text equals its final text from ${final.at} ms on (${final.changes} changes seen, sampled every ${ROWS_POLL_MS} ms until ${SETTLE_MS} ms after the sync completed); ` +
            (final.recentNote === null ? 'the page never said the recent weeks were in' : `"recent weeks are in" shown from ${final.recentNote} ms`) +
            (final.lastChange ? `; ${final.lastChange}` : '')
          : `the rows' text never settled: ${final.changes} changes seen`));
    } catch (e) {
      void rowsText?.stop();
      figures.push(unmeasured(USABLE, 'ms', '<=', 5000, e));
    }
    if (opts.syncOnly) return figures;

    // Initial JS of the dashboard: a fresh load of /coach by the signed-in device.
    try {
      const dash = await context.newPage();
      const dashJs = scriptRecorder(dash);
      // Not 'networkidle': the signed-in page holds its sync stream (SSE) open for good. The
      // scripts the dashboard needs are all in once its rows are rendered; a short settle
      // catches any late lazy chunk.
      await dash.goto('/coach', { waitUntil: 'load' });
      await dashboardRows(dash).nth(data.clients.length - 1).waitFor({ timeout: 30_000 });
      await dash.waitForTimeout(1000);
      const size = await dashJs();
      figures.push(figure('initial JS, coach dashboard (gzip)', size.gzip / 1024, 'KB', '<=', 200, `${size.files} scripts`));
      await dash.close();
    } catch (e) {
      figures.push(unmeasured('initial JS, coach dashboard (gzip)', 'KB', '<=', 200, e));
    }

    // Cold start offline: reload with the network cut; navigation start → the 30 client rows rendered.
    try {
      const ready = await page.evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]));
      if (!ready) throw new Error('no service worker became ready within 15 s: an offline reload cannot work');
      await context.setOffline(true);
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        await page.reload({ waitUntil: 'commit' });
        await dashboardRows(page).nth(data.clients.length - 1).waitFor({ timeout: 30_000 });
        runs.push(await page.evaluate(() => performance.now()));
      }
      // The page clock starts at navigation; the wait above adds ≤ one polling interval.
      figures.push(figure('browser: cold start offline, reload → dashboard rendered', median(runs), 'ms', '<=', 1000,
        `median of 3 reloads (${runs.map((r) => Math.round(r)).join(', ')} ms), page clock from navigation start`));
      await profiled(page, 'cold-start', async () => {
        await page.reload({ waitUntil: 'commit' });
        await dashboardRows(page).nth(data.clients.length - 1).waitFor({ timeout: 30_000 });
      });
      await context.setOffline(false);
    } catch (e) {
      figures.push(unmeasured('browser: cold start offline, reload → dashboard rendered', 'ms', '<=', 1000, e));
    }
    // One tab per user from here: with two, only the leader tab replicates (RxDB leader
    // election) and the builder's writes would reach the server through the other tab.
    await page.close();
    figures.push(...(await builderFigures(context, server.url, data.clients[0]!, clientEmail(1))));
    await context.close();
  } catch (e) {
    figures.push(figure('browser figures', null, '', 'info', 0, `not measured: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`));
  } finally {
    await browser?.close();
    await server.stop();
  }
  return figures;
}
