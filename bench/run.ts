/**
 * `npm run bench`: generates the large account, measures every figure of bench/README.md, prints them
 * and writes bench/results.json. It reports and asserts nothing about time: exit 0 even when
 * a target is missed, non-zero only when the bench itself crashes.
 *
 *   npm run bench                    # everything (builds the web app first)
 *   npm run bench -- server sse      # only some parts: server, import, sse, pg, browser
 *   npm run bench -- server pg       # both stores side by side (pg: PostgreSQL, one and two instances)
 *   npm run bench -- sync            # only the browser's initial-sync figures (usable, final, complete)
 *   npm run bench -- sse-push        # only the push p99 with 500 streams at the per-user cap
 *   npm run bench -- phone           # only the phone figures: Lighthouse, 4× CPU sync and cold start, JS heap
 *   BENCH_SKIP_BUILD=1 npm run bench # reuse web/build-bench
 *   BENCH_PROFILE=1 npm run bench    # also write the server's CPU profiles to bench/profiles/
 *   BENCH_BUILD=perf BENCH_PORT=8821 npm run bench  # another build variant (web/build-perf) and ports
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserFigures } from './browser-figures.ts';
import { pgFigures } from './pg-figures.ts';
import { phoneFigures } from './phone.ts';
import { generateLargeAccount } from './generate.ts';
import { importFigures } from './import-figures.ts';
import { printTable, type Figure } from './report.ts';
import { serverFigures } from './server-figures.ts';
import { BUILD_VARIANT, repoRoot } from './server-process.ts';
import { sseFigures } from './sse.ts';
import { ssePushFigures } from './sse-push.ts';

const parts = process.argv.slice(2).filter((a) => !a.startsWith('-'));
// sse-push is only run when named: one figure, runnable alone (bench/sse-push.ts).
const want = (p: string) => (parts.length === 0 && p !== 'sse-push') || parts.includes(p);
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'spotter-bench-'));
const figures: Figure[] = [];
const step = (what: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}`);

try {
  step('generating the large account (+ 480 crowd accounts for the SSE load)');
  const base = join(work, 'base.db');
  const data = await generateLargeAccount({ dbPath: base, crowd: { coaches: 10, clientsPerCoach: 47 } });
  step(`data: ${JSON.stringify(data.counts)}`);
  if (want('server')) {
    step('server: pull, push vs raw inserts');
    figures.push(...(await serverFigures(base, work)));
  }
  if (want('import')) {
    step('import: a 10,000-row Strong export for one client, read on the device side, one POST /api/import');
    figures.push(...(await importFigures(base, work)));
  }
  if (want('sse')) {
    step('server: 500 SSE streams under 200 pushes/s');
    figures.push(...(await sseFigures(base, work, data)));
  }
  if (want('pg')) {
    step('PostgreSQL: the same account copied in; pull, push vs raw inserts, one instance vs two, push on A → stream on B');
    figures.push(...(await pgFigures(base, work, data)));
  }
  if (want('sse-push')) {
    step('server: push p99 with 500 SSE streams at the per-user cap');
    figures.push(...(await ssePushFigures(base, work, data)));
  }
  const browserParts = want('browser') || parts.includes('sync');
  if (browserParts || want('phone')) {
    let built = true;
    if (process.env.BENCH_SKIP_BUILD !== '1') {
      step(`building the web app (SPOTTER_BUILD=${BUILD_VARIANT} npm run build -w web → web/build-${BUILD_VARIANT})`);
      try {
        // Its own build variant, so the bench never races another engineer's build of web/build.
        execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, SPOTTER_BUILD: BUILD_VARIANT } });
      } catch (e) {
        built = false;
        const why = String((e as { stderr?: Buffer }).stderr ?? e).split('\n').find((l) => /error/i.test(l)) ?? 'see npm run build -w web';
        figures.push({ name: 'browser figures', value: null, unit: '', target: '', met: null, note: `not measured: the web build failed (${why.trim()})` });
      }
    }
    if (built && browserParts) {
      step('browser: initial sync, cold start, builder, propagation, initial JS');
      figures.push(...(await browserFigures(base, work, data, { syncOnly: !want('browser') })));
    }
    if (built && want('phone')) {
      step('phone: Lighthouse (sign-in, client start page), 4× CPU first sync and cold start, JS heap');
      figures.push(...(await phoneFigures(base, work, data)));
    }
  }
  step('done');
  console.log();
  printTable(figures);
  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    data: data.counts,
    figures,
  };
  // Only a full run replaces bench/results.json; some parts go beside it, out of git.
  const out = parts.length ? `bench/.scratch/results-${parts.join('-')}.json` : 'bench/results.json';
  mkdirSync(join(repoRoot, 'bench/.scratch'), { recursive: true });
  writeFileSync(join(repoRoot, out), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${out} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
