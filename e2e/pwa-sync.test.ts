import { expect, test, type Page } from '@playwright/test';
import type { Message } from '@spotter/shared';
import { api, goOffline, goOnline, openThreadSettled, signIn, waitForUpload } from './fixtures.ts';

// Live sync between devices, offline writes uploaded exactly once, and a device whose
// IndexedDB was wiped re-pulls everything. Message bodies are unique per run, so other test
// files writing to the same demo accounts in parallel cannot disturb the counts.

const unique = (what: string) => `${what} ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

async function send(page: Page, body: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('message').filter({ hasText: body })).toHaveCount(1);
}

const onServer = async (baseURL: string, email: string, body: string) => {
  const { accessToken } = await api.login(baseURL, email);
  return (await api.pull<Message>(baseURL, accessToken, 'messages')).filter((m) => m.body === body);
};

test('a message written offline is uploaded after reconnect, exactly once', async ({ page, baseURL }) => {
  await signIn(page, 'client2@demo.test');
  await openThreadSettled(page, baseURL!, 'client2@demo.test');
  await goOffline(page);

  const body = unique('Offline from the client');
  await send(page, body);
  await expect(page.getByTestId('pending')).toHaveText('1 change waiting to upload');
  // Still only on this device.
  expect(await onServer(baseURL!, 'coach2@demo.test', body)).toHaveLength(0);

  await goOnline(page);
  // Back online, the app reconnects by itself: no reload, no click.
  await expect(page.getByTestId('connection')).toHaveText('Online');
  await waitForUpload(page);
  const stored = await onServer(baseURL!, 'coach2@demo.test', body);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ kind: 'message', authorRole: 'client', body });
  // And the device shows it once, also after a reload (no duplicate came back from the server).
  await page.reload();
  await expect(page.getByTestId('message').filter({ hasText: body })).toHaveCount(1);
});

test('a user back from offline catches up on the other user’s messages and then gets them live, without a reload', async ({ browser, baseURL }) => {
  // (live-sync.test.ts covers two users both online; this is the reconnect path.)
  const coachContext = await browser.newContext();
  const clientContext = await browser.newContext();
  const coach = await coachContext.newPage();
  const client = await clientContext.newPage();
  await signIn(coach, 'coach2@demo.test');
  await signIn(client, 'client2@demo.test');
  const clientId = (await api.login(baseURL!, 'client2@demo.test')).user.id;
  await coach.goto(`/coach/clients/${clientId}/messages`);
  await client.goto('/client/messages');
  await expect(client.getByRole('heading', { name: /^Messages with/ })).toBeVisible();

  await goOffline(client);
  const missed = unique('Sent while you were offline');
  await send(coach, missed);
  await waitForUpload(coach);
  await expect(client.getByTestId('message').filter({ hasText: missed })).toHaveCount(0);

  // The client's browser reconnects: the app notices by itself and re-syncs at once.
  await goOnline(client);
  await expect(client.getByTestId('connection')).toHaveText('Online');
  await expect(client.getByTestId('message').filter({ hasText: missed })).toHaveCount(1);

  // And the live stream is back: the next message arrives while the page stays open.
  const live = unique('Live after the reconnect');
  await send(coach, live);
  await expect(client.getByTestId('message').filter({ hasText: live })).toHaveCount(1);
  const reply = unique('Reply after the reconnect');
  await send(client, reply);
  await expect(coach.getByTestId('message').filter({ hasText: reply })).toHaveCount(1);

  await coachContext.close();
  await clientContext.close();
});

test('a wiped IndexedDB is re-pulled from the server instead of breaking the app', async ({ page, baseURL }) => {
  await signIn(page, 'client2@demo.test');
  await page.goto('/client/messages');
  const body = unique('Before the wipe');
  await send(page, body);
  await waitForUpload(page);
  // The oldest message of the conversation (demo data); later ones may come from other tests.
  const oldest = (await page.getByTestId('message').first().locator('p').textContent())!;

  // Close the app (a same-origin page without it), then delete every database, as a browser
  // clearing site data under storage pressure would. The saved sign-in (localStorage) stays.
  await page.goto('/manifest.webmanifest');
  const deleted = await page.evaluate(async () => {
    // The app's databases; not the service worker's own (workbox-expiration, its photo cache's
    // bookkeeping), which the worker may hold open, so that deleting it would only be blocked.
    const names = (await indexedDB.databases()).map((d) => d.name!).filter((name) => name && !name.startsWith('workbox-'));
    await Promise.all(names.map((name) => new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error(`${name} is still open`));
    })));
    return { names, left: (await indexedDB.databases()).length };
  });
  expect(deleted.names.length).toBeGreaterThan(0);
  expect(deleted.left).toBe(0);

  await page.goto('/client/messages');
  // Straight back in (no password), data pulled again from scratch.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByLabel('Downloading your data')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('message').filter({ hasText: body })).toHaveCount(1);
  await expect(page.getByTestId('message').first().locator('p')).toHaveText(oldest);
  await expect(page.getByTestId('pending')).toHaveText('All changes saved');
  await page.goto('/client');
  await expect(page.getByRole('heading', { name: /Today/ }).first()).toBeVisible();
});

test('two tabs of one user share the device: a message from either is uploaded and both say so', async ({ page, baseURL }) => {
  await signIn(page, 'client2@demo.test');
  await page.goto('/client/messages');
  const second = await page.context().newPage();
  await second.goto('/client/messages');
  await expect(second.getByRole('heading', { name: /^Messages with/ })).toBeVisible();

  const fromSecond = unique('From the second tab');
  await send(second, fromSecond);
  // The first tab shows it at once (same IndexedDB), and only one tab uploads it.
  await expect(page.getByTestId('message').filter({ hasText: fromSecond })).toHaveCount(1);
  await waitForUpload(second);
  await waitForUpload(page);
  const fromFirst = unique('From the first tab');
  await send(page, fromFirst);
  await waitForUpload(page);
  await waitForUpload(second);
  expect(await onServer(baseURL!, 'coach2@demo.test', fromSecond)).toHaveLength(1);
  expect(await onServer(baseURL!, 'coach2@demo.test', fromFirst)).toHaveLength(1);
  await second.close();
});

test('a write in a visible tab is uploaded while the tab that synced is hidden and stalled', async ({ page, baseURL }) => {
  // Browsers throttle hidden tabs (timers down to once a minute) and freeze them; the tab that
  // syncs must then be a visible one (docs/DESIGN.md "Tabs"). The first tab syncs; it goes to
  // the background and then runs nothing at all (its script paused in the debugger: more
  // than a browser's throttling, which headless Chromium does not apply).
  await signIn(page, 'client2@demo.test');
  await page.goto('/client/messages');
  const second = await page.context().newPage();
  await second.goto('/client/messages');
  await expect(second.getByRole('heading', { name: /^Messages with/ })).toBeVisible();
  // Both tabs done with their first writes (the read marker of the opened thread): a tab paused
  // in the middle of an IndexedDB transaction would hold the database for the other tab too,
  // which is the debugger's doing, not a browser's throttling.
  await waitForUpload(page);
  await waitForUpload(second);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Debugger.enable');
  const paused = new Promise((resolve) => cdp.once('Debugger.paused', resolve));
  await cdp.send('Debugger.pause');
  await paused;

  const typed = unique('Typed while the other tab is stalled');
  await send(second, typed);
  await waitForUpload(second);
  expect(await onServer(baseURL!, 'coach2@demo.test', typed)).toHaveLength(1);

  // The first tab runs again: what it writes now is uploaded (by the tab that syncs now), and
  // nothing is uploaded twice.
  await cdp.send('Debugger.resume');
  await cdp.send('Debugger.disable');
  const fromFirst = unique('From the tab that ran again');
  await send(page, fromFirst);
  await waitForUpload(page);
  await waitForUpload(second);
  expect(await onServer(baseURL!, 'coach2@demo.test', typed)).toHaveLength(1);
  expect(await onServer(baseURL!, 'coach2@demo.test', fromFirst)).toHaveLength(1);
  await second.close();
});
