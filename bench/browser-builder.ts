/**
 * The builder figures, on the large account's coach device (already synced) and one client:
 *  - "Add Exercise" click → the draft's new state committed in IndexedDB, median of 50;
 *  - coach clicks "Submit" → the session is on the client's open page, p95 of 50;
 *  - then the client taps "Done" on a set of one of those sessions (browser-logging.ts).
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { todayLocal, type Person } from '@spotter/shared';
import { BENCH_PASSWORD } from './generate.ts';
import { newContext, profiled, signIn } from './browser-harness.ts';
import { loggingFigures } from './browser-logging.ts';
import { clickWriteFloor } from './click-floor.ts';
import { figure, median, percentile, type Figure } from './report.ts';

const SAMPLES = 50;
const names = ['Front Squat', 'Romanian Deadlift', 'Plank', 'Bench Press', 'Pull-up', 'Face Pull', 'Goblet Squat', 'Hip Thrust'];
const draftCard = (page: Page, title: string): Locator => page.getByRole('article', { name: new RegExp(`^Draft ${title} due`) });

/** Click → commit of each "Add Exercise", and the part before the write's transaction was opened (JavaScript). */
async function addExerciseLatency(page: Page): Promise<{ total: number; beforeWrite: number }[]> {
  await page.getByRole('button', { name: '+ Add Session' }).click();
  const card = draftCard(page, 'Untitled').first();
  await card.getByLabel('Title').fill('Bench add exercise');
  const named = draftCard(page, 'Bench add exercise');
  await named.getByLabel('Title').blur();
  const samples: { total: number; beforeWrite: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await named.getByLabel('Exercise', { exact: true }).fill(names[i % names.length]!);
    const clicks = await page.evaluate(() => (window as any).__bench.clicks.length);
    await named.getByRole('button', { name: 'Add Exercise' }).click();
    const handle = await page.waitForFunction((n) => {
      const b = (window as any).__bench;
      const click = b.clicks.slice(n).find((c: { label: string }) => c.label === 'Add Exercise');
      const commit = click && b.commits.find((c: { db: string; at: number }) => c.db === 'sessions' && c.at >= click.at);
      return commit ? { total: commit.at - click.at, beforeWrite: commit.opened - click.at } : false;
    }, clicks, { timeout: 10_000 });
    samples.push((await handle.jsonValue()) as { total: number; beforeWrite: number });
  }
  return samples;
}

/** Records, on the wall clock, when each "Prop n" title first enters the client's page. */
function watchTitles() {
  const seen: Record<string, number> = ((window as any).__seen = {});
  new MutationObserver((mutations) => {
    const at = performance.timeOrigin + performance.now();
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        for (const title of (node.textContent ?? '').match(/Prop \d+\b/g) ?? []) seen[title] ??= at;
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
}

async function propagation(coach: Page, client: Page): Promise<{ samples: number[]; lost: number }> {
  const samples: number[] = [];
  let lost = 0;
  const today = todayLocal();
  for (let i = 0; i < SAMPLES; i++) {
    const title = `Prop ${i}`;
    await coach.getByRole('button', { name: '+ Add Session' }).click();
    await draftCard(coach, 'Untitled').first().getByLabel('Title').fill(title);
    const card = draftCard(coach, title);
    await card.getByLabel('Due date').fill(today);
    await card.getByLabel('Exercise', { exact: true }).fill(names[i % names.length]!);
    await card.getByRole('button', { name: 'Add Exercise' }).click();
    const clicks = await coach.evaluate(() => (window as any).__bench.clicks.length);
    await card.getByRole('button', { name: 'Submit', exact: true }).click();
    const sentAt = await coach.evaluate((n) => {
      const click = (window as any).__bench.clicks.slice(n).find((c: { label: string }) => c.label === 'Submit');
      return performance.timeOrigin + click.at;
    }, clicks);
    try {
      const handle = await client.waitForFunction((t) => (window as any).__seen[t] ?? false, title, { timeout: 15_000 });
      samples.push(((await handle.jsonValue()) as number) - sentAt);
    } catch {
      lost++;
    }
  }
  return { samples, lost };
}

export async function builderFigures(coachContext: BrowserContext, baseURL: string, client: Person, clientLogin: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const coach = await coachContext.newPage();
  await coach.goto(`/coach/clients/${client.id}/builder`);
  try {
    const runs = await profiled(coach, 'add-exercise', () => addExerciseLatency(coach));
    const samples = runs.map((r) => r.total);
    figures.push(figure('builder: "Add Exercise" click → persisted in IndexedDB', median(samples), 'ms', '<=', 16,
      `median of ${samples.length}; p95 ${percentile(samples, 95).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms (click event → IndexedDB transaction complete); ` +
        `median ${median(runs.map((r) => r.beforeWrite)).toFixed(1)} ms of JavaScript before the write's transaction opened`));
    const floor = await clickWriteFloor(coach);
    figures.push(figure('builder: floor, bare IndexedDB get+put from a click on the same page', floor.bare, 'ms', 'info', 0,
      `median of 20, no app code; ${floor.dom.toFixed(1)} ms with a one-element DOM change (the browser renders a frame first)`));
  } catch (e) {
    figures.push(figure('builder: "Add Exercise" click → persisted in IndexedDB', null, 'ms', '<=', 16, `not measured: ${String(e).split('\n')[0]}`));
  }

  const clientContext = await newContext(coachContext.browser()!, baseURL);
  try {
    await clientContext.addInitScript(`addEventListener('DOMContentLoaded', ${watchTitles.toString()})`);
    const clientPage = await clientContext.newPage();
    await signIn(clientPage, clientLogin, BENCH_PASSWORD);
    await clientPage.waitForURL('**/client**', { timeout: 30_000 });
    // The client's page is the receiving end: its profile (BENCH_PROFILE=1) says what a delivery costs there.
    const { samples, lost } = await profiled(clientPage, 'propagation-client', () => propagation(coach, clientPage));
    figures.push(figure('propagation: coach submits → visible on the client\'s open page', samples.length ? percentile(samples, 95) : null, 'ms', '<=', 500,
      `p95 of ${samples.length} (${lost} not seen within 15 s); median ${median(samples).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms`));
    // The client logs the first of those sessions (its exercise: names[0]).
    figures.push(...(await loggingFigures(clientPage, 'Prop 0', names[0]!)));
  } catch (e) {
    figures.push(figure('propagation: coach submits → visible on the client\'s open page', null, 'ms', '<=', 500, `not measured: ${String(e).split('\n')[0]}`));
  } finally {
    await clientContext.close();
  }
  return figures;
}
