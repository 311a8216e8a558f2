import type { Page } from '@playwright/test';
import { median } from './report.ts';

/**
 * The browser's own floor for "click → IndexedDB commit" on the same page: a bare readwrite
 * transaction (get, then put the same record back: what RxDB's Dexie storage does for one
 * write) on the sessions database, started in a click handler with no app code, with and
 * without a one-element DOM change. After an input event Chromium renders the next frame
 * before it delivers the get's result, so this is about a frame, whatever the app does.
 */
export async function clickWriteFloor(page: Page): Promise<{ dom: number; bare: number }> {
  await page.evaluate(async () => {
    const name = (await indexedDB.databases()).find((d) => d.name?.endsWith('--sessions'))!.name!;
    const db = await new Promise<IDBDatabase>((ok) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => ok(req.result);
    });
    const key = await new Promise<IDBValidKey>((ok) => {
      const req = db.transaction('docs').objectStore('docs').openCursor();
      req.onsuccess = () => ok(req.result!.primaryKey);
    });
    const w = window as any;
    w.__floor = { dom: [] as number[], bare: [] as number[] };
    for (const [i, mode] of (['dom', 'bare'] as const).entries()) {
      const b = document.createElement('button');
      b.textContent = `floor ${mode}`;
      b.id = `bench-floor-${mode}`;
      b.style.cssText = `position:fixed;top:0;left:${i * 8}rem;z-index:9999`;
      document.body.prepend(b);
      b.addEventListener('click', () => {
        const t0 = performance.now();
        if (mode === 'dom') document.querySelector('main')?.prepend(Object.assign(document.createElement('div'), { textContent: 'floor' }));
        const tx = db.transaction('docs', 'readwrite');
        const store = tx.objectStore('docs');
        const get = store.get(key);
        get.onsuccess = () => store.put(get.result);
        tx.oncomplete = () => w.__floor[mode].push(performance.now() - t0);
      });
    }
  });
  // One measurement at a time: each click waits for the previous write to be recorded.
  const recorded = (mode: 'dom' | 'bare', n: number) => page.waitForFunction(([m, k]) => (window as any).__floor[m].length >= k, [mode, n] as const);
  for (let i = 1; i <= 20; i++) {
    await page.locator('#bench-floor-dom').click();
    await recorded('dom', i);
    await page.locator('#bench-floor-bare').click();
    await recorded('bare', i);
  }
  const floor = await page.evaluate(() => {
    for (const b of document.querySelectorAll('[id^="bench-floor-"]')) b.remove();
    return (window as any).__floor as { dom: number[]; bare: number[] };
  });
  return { dom: median(floor.dom), bare: median(floor.bare) };
}
