/**
 * The logging figures, on a client's page of the large account (already signed in and synced):
 *  - tap "Done" on a set → the log's new state committed in IndexedDB, median of SAMPLES, beside
 *    the bare IndexedDB floor measured on the same page in the same run (the target is a ratio:
 *    within 1.2× of that floor);
 *  - offline, an exercise photo the device keeps (the service worker's photo cache, filled as
 *    the client's home fills it: web/src/lib/catalogue/photo-cache.ts) → decoded and drawn.
 */
import type { Page } from '@playwright/test';
import { clickWriteFloor } from './click-floor.ts';
import { figure, median, percentile, type Figure } from './report.ts';

const SAMPLES = 40;
/** Catalogue photos (web/static/catalogue/<id>/<n>.webp), each rendered once: no memory cache in between. */
const PHOTOS = ['Barbell_Squat', 'Barbell_Deadlift', 'Pushups', 'Plank', 'Pullups', 'Barbell_Full_Squat', 'Box_Squat', 'Bodyweight_Squat', 'Bench_Dips', 'Barbell_Hip_Thrust']
  .flatMap((id) => [0, 1].map((n) => `/catalogue/${id}/${n}.webp`));

/** Click → commit of each "Done" on the first set of `exercise` in the session's log form. */
async function setDoneLatency(page: Page, title: string, exercise: string): Promise<number[]> {
  await page.goto('/client');
  await page.getByRole('link', { name: new RegExp(`\\b${title}\\b`) }).first().click();
  await page.getByRole('button', { name: `Log: ${exercise}` }).first().click();
  const form = page.getByRole('form', { name: `Log ${exercise}` });
  const done = form.getByRole('button', { name: 'Done, Set 1' });
  await done.waitFor();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const clicks = await page.evaluate(() => (window as any).__bench.clicks.length);
    // Done and not done in turn: each tap is one write of the log.
    await done.click();
    const handle = await page.waitForFunction((n) => {
      const b = (window as any).__bench;
      const click = b.clicks.slice(n).find((c: { label: string }) => /Done$/.test(c.label));
      const commit = click && b.commits.find((c: { db: string; at: number }) => c.db === 'logs' && c.at >= click.at);
      return commit ? commit.at - click.at : false;
    }, clicks, { timeout: 10_000 });
    samples.push((await handle.jsonValue()) as number);
    await page.waitForFunction((pressed) => document.querySelector('[aria-label="Done, Set 1"]')?.getAttribute('aria-pressed') === pressed, String(i % 2 === 0));
  }
  return samples;
}

/**
 * Each photo, offline: from creating its <img> to `decode()` resolving (the browser can paint it),
 * as the workout shows it. Kept first, online, the way the client's home keeps them.
 */
async function cachedPhotoRender(page: Page): Promise<number[]> {
  const kept = await page.evaluate(async (urls) => {
    const cache = await caches.open('exercise-photos');
    let n = 0;
    for (const url of urls) {
      if (!(await cache.match(url))) await cache.add(url).then(() => n++, () => undefined);
      else n++;
    }
    return n;
  }, PHOTOS);
  if (kept < PHOTOS.length) throw new Error(`only ${kept} of ${PHOTOS.length} photos could be kept (are they in web/static/catalogue?)`);
  await page.context().setOffline(true);
  try {
    return await page.evaluate(async (urls) => {
      const times: number[] = [];
      for (const url of urls) {
        const t0 = performance.now();
        const img = Object.assign(document.createElement('img'), { src: url, alt: '', width: 160, height: 107 });
        document.querySelector('main')?.append(img);
        await img.decode();
        times.push(performance.now() - t0);
        img.remove();
      }
      return times;
    }, PHOTOS);
  } finally {
    await page.context().setOffline(false);
  }
}

/** `title`: a published session on the signed-in client's home page, with `exercise` in it. */
export async function loggingFigures(page: Page, title: string, exercise: string): Promise<Figure[]> {
  const NAME = 'logging: "Done" on a set → persisted ÷ bare IndexedDB floor';
  const figures: Figure[] = [];
  try {
    const samples = await setDoneLatency(page, title, exercise);
    const floor = await clickWriteFloor(page);
    const taken = median(samples);
    figures.push(
      figure(NAME, taken / floor.bare, '×', '<=', 1.2,
        `median ${taken.toFixed(1)} ms of ${samples.length} taps (p95 ${percentile(samples, 95).toFixed(1)} ms; click event → the log's IndexedDB transaction complete) ÷ ` +
          `floor ${floor.bare.toFixed(1)} ms (median of 20 bare get+put from a click on the same page; ${floor.dom.toFixed(1)} ms with a one-element DOM change)`),
    );
  } catch (e) {
    figures.push(figure(NAME, null, '×', '<=', 1.2, `not measured: ${String(e).split('\n')[0]}`));
  }
  const PHOTO = 'offline: a kept exercise photo → decoded, ready to paint';
  try {
    const times = await cachedPhotoRender(page);
    figures.push(figure(PHOTO, median(times), 'ms', '<=', 100, `median of ${times.length} photos (p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms), each new to the page, served by the service worker from its photo cache with the network cut`));
  } catch (e) {
    figures.push(figure(PHOTO, null, 'ms', '<=', 100, `not measured: ${String(e).split('\n')[0]}`));
  }
  return figures;
}
