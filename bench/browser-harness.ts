/** Playwright with Debian's Chromium (STACK.md), the page hooks the browser figures read. */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Installed before any page script: records, on the page's clock, every committed
 * readwrite IndexedDB transaction of the given RxDB collections (RxDB's Dexie storage keeps
 * one database per collection, named `rxdb-dexie-<db>--<version>--<collection>`) and every
 * click. A transaction's `complete` event is the moment the write is durable in IndexedDB,
 * so no mark is needed inside the app.
 */
function hooks() {
  const w = window as any;
  w.__bench = { commits: [] as { db: string; at: number }[], clicks: [] as { label: string; at: number }[] };
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: any[]) {
    const tx = (open as any).apply(this, args) as IDBTransaction;
    if (args[1] === 'readwrite') {
      const db = this.name.replace(/^.*--/, '');
      tx.addEventListener('complete', () => w.__bench.commits.push({ db, at: performance.now() }));
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
