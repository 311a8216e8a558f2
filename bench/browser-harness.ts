/** Playwright with Debian's Chromium, the page hooks the browser figures read. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Installed before any page script: records, on the page's clock, every committed readwrite
 * IndexedDB transaction that wrote a document (`put`/`add`) to one of the given RxDB
 * collections (RxDB's Dexie storage keeps one database per collection, named
 * `rxdb-dexie-<db>--<version>--<collection>`), and every click. A transaction's `complete` event
 * is the moment the write is durable in IndexedDB, so no mark is needed inside the app.
 * Transactions that wrote nothing are left out: RxDB's upsert first tries an insert in a
 * readwrite transaction that only reads, finds the document and commits empty.
 */
function hooks() {
  const w = window as any;
  // commits: `at` the transaction completed, `opened` when the page asked for it (what came before is JavaScript).
  w.__bench = { commits: [] as { db: string; at: number; opened: number }[], clicks: [] as { label: string; at: number }[] };
  const open = IDBDatabase.prototype.transaction;
  const wrote = new WeakSet<IDBTransaction>();
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: any[]) {
      wrote.add(this.transaction);
      return (original as any).apply(this, args);
    } as any;
  }
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: any[]) {
    const tx = (open as any).apply(this, args) as IDBTransaction;
    if (args[1] === 'readwrite') {
      const db = this.name.replace(/^.*--/, '');
      const opened = performance.now();
      tx.addEventListener('complete', () => {
        if (wrote.has(tx)) w.__bench.commits.push({ db, at: performance.now(), opened });
      });
    }
    return tx;
  } as any;
  document.addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest?.('button');
    if (button) w.__bench.clicks.push({ label: (button.textContent ?? '').trim(), at: performance.now() });
  }, true);
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(hooks);
  return context;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Documents in each RxDB collection's IndexedDB store, read with the raw IndexedDB API. */
export function countDocs(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const out: Record<string, number> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name?.startsWith('rxdb-dexie-')) continue;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const store = [...db.objectStoreNames].find((n) => n === 'docs');
      if (store) {
        out[info.name.replace(/^.*--/, '')] = await new Promise<number>((ok) => {
          const req = db.transaction(store, 'readonly').objectStore(store).count();
          req.onsuccess = () => ok(req.result);
        });
      }
      db.close();
    }
    return out;
  });
}

/** Polls `check` every `ms` until it is true or `timeout` passes; returns whether it became true. */
export async function until(check: () => Promise<boolean>, timeout: number, ms = 100): Promise<boolean> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, ms));
  }
  return false;
}

/**
 * BENCH_PROFILE=1: records the page's JavaScript CPU profile (CDP Profiler, 200 µs sampling)
 * until the returned stop is called, into bench/profiles/browser-<name>.cpuprofile
 * (bench/profile-summary.ts reads it; build with SPOTTER_NO_MINIFY=1 for readable names).
 * Without BENCH_PROFILE, does nothing.
 */
export async function startProfile(page: Page, name: string): Promise<() => Promise<void>> {
  if (process.env.BENCH_PROFILE !== '1') return async () => undefined;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync('bench/profiles', { recursive: true });
    writeFileSync(`bench/profiles/browser-${name}.cpuprofile`, JSON.stringify(profile));
    await cdp.detach();
  };
}

/** Runs `fn` under `startProfile` (BENCH_PROFILE=1). */
export async function profiled<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  const stop = await startProfile(page, name);
  try {
    return await fn();
  } finally {
    await stop();
  }
}
