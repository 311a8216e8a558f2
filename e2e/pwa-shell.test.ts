import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

// The PWA backbone — installable, opens offline from a cold start, syncs live.

test('is installable: the manifest and its icons load and Chromium reports no installability errors', async ({ baseURL, launchOptions }) => {
  // Chromium never offers installation in an incognito-like context: use a real profile.
  const profile = mkdtempSync(join(tmpdir(), 'spotter-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'Spotter', start_url: '/', display: 'standalone' });
  const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes}/${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192/any', '512x512/any', '512x512/maskable']));
  for (const icon of manifest.icons) {
    const res = await page.request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toContain('image/png');
  }
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await page.context().newCDPSession(page);
  await expect.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, { timeout: 15_000 }).toEqual([]);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('a wrong password says so plainly and signs nobody in', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill('coach@demo.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/$/);
});

test('cold start offline: reload and other routes open from the precache with their data', async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await expect(page).toHaveURL(/\/client$/);
  await goOffline(page);
  await page.reload();
  // Straight into the app, no password prompt, data from IndexedDB.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText('Offline');
  await page.goto('/client/messages');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto('/client/plan');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto('/client');
  await expect(page.getByRole('heading', { name: /Today/ }).first()).toBeVisible();
  await goOnline(page);
});
