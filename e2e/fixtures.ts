import { expect, type Page } from '@playwright/test';
import type { LoginResponse } from '@spotter/shared';

export const DEMO_PASSWORD = 'spotter-demo';

/**
 * Signs in through the real sign-in page and waits until the device is usable offline: the
 * role's home is shown, the first sync has finished and the service worker controls the page.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/$/);
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(page.getByLabel('Downloading your data')).toHaveCount(0, { timeout: 30_000 });
  await waitForServiceWorker(page);
}

/** The precache must be in place before a test goes offline: wait for navigator.serviceWorker.ready. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/** Cuts the page's browser context off the network, service worker fetches included. */
export async function goOffline(page: Page): Promise<void> {
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await expect(page.getByTestId('connection')).toHaveText('Offline');
}

export async function goOnline(page: Page): Promise<void> {
  await page.context().setOffline(false);
}

/** Waits until the device says every local change has been uploaded. */
export async function waitForUpload(page: Page): Promise<void> {
  await expect(page.getByTestId('pending')).toHaveText('All changes saved', { timeout: 30_000 });
}

async function call<T>(baseURL: string, token: string | null, method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { ...extra };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  // The auth routes refuse requests without it (CSRF, SECURITY.md).
  if (path.startsWith('/api/auth/')) headers['x-spotter-csrf'] = '1';
  const res = await fetch(baseURL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** The server, checked through its own API (what any other device would receive). */
export const api = {
  login: (baseURL: string, email: string, password = DEMO_PASSWORD) =>
    call<LoginResponse>(baseURL, null, 'POST', '/api/auth/login', { email, password }),
  /** Ends the session whose refresh cookie this is (`spotter_refresh=…`), as its sign-out would. */
  logout: (baseURL: string, cookie: string) => call(baseURL, null, 'POST', '/api/auth/logout', undefined, { cookie }),
  get: <T = any>(baseURL: string, token: string, path: string) => call<T>(baseURL, token, 'GET', path),
  post: <T = any>(baseURL: string, token: string, path: string, body: unknown) => call<T>(baseURL, token, 'POST', path, body),
  /** Every visible (non-deleted) document of a collection for this user, all pages. */
  async pull<T = any>(baseURL: string, token: string, collection: string): Promise<T[]> {
    const docs = new Map<string, T & { _deleted: boolean }>();
    let checkpoint: unknown = null;
    for (;;) {
      const page = await call<{ documents: (T & { id: string; _deleted: boolean })[]; checkpoint: unknown }>(
        baseURL, token, 'POST', `/api/sync/${collection}/pull`, { checkpoint, batchSize: 500 });
      for (const d of page.documents) docs.set(d.id, d);
      if (page.documents.length < 500) break;
      checkpoint = page.checkpoint;
    }
    return [...docs.values()].filter((d) => !d._deleted);
  },
};

/**
 * Opens the client's thread and waits until what opening it wrote — the read marker on the
 * person's own document, a synced change — has reached the server, so a test that then counts
 * "changes waiting to upload" counts only its own.
 */
export async function openThreadSettled(page: Page, baseURL: string, email: string): Promise<void> {
  await page.goto('/client/messages');
  await expect(page.getByRole('heading', { name: /^Messages with/ })).toBeVisible();
  await expect(page.getByTestId('message').first()).toBeVisible();
  const me = await api.login(baseURL, email);
  await expect
    .poll(async () => {
      const own = (await api.pull<{ id: string; readUpTo?: Record<string, string> }>(baseURL, me.accessToken, 'people')).find((p) => p.id === me.user.id);
      return Object.keys(own?.readUpTo ?? {}).length;
    })
    .toBeGreaterThan(0);
  await waitForUpload(page);
}
