import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { goOffline, waitForServiceWorker } from './fixtures.ts';

// docs/DESIGN.md "Sign in with an identity provider": the whole redirect flow in the browser,
// through the real OpenID Connect provider playwright.config.ts starts beside the server
// (sync-server/test/idp.ts), and the app opens offline afterwards like after a password.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('a client signs in with a provider on the phone, then the app opens offline', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/');
  const provider = page.getByRole('link', { name: 'Sign in with Test ID' });
  await expect(provider).toBeVisible();
  expect((await provider.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await provider.click();
  await expect(page.getByRole('heading', { name: 'Sign in to Test ID' })).toBeVisible();
  await page.getByLabel('Email').fill('client@demo.test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/client$/);
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(page.getByLabel('Downloading your data')).toHaveCount(0, { timeout: 30_000 });
  await waitForServiceWorker(page);

  await goOffline(page);
  await page.reload();
  await expect(page).toHaveURL(/\/client$/);
  await expect(page.getByTestId('connection')).toHaveText('Offline');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await context.close();
});

test('an email without an account comes back to the sign-in page with the reason', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in with Test ID' }).click();
  await page.getByLabel('Email').fill('stranger@example.test');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toHaveText('No Spotter account uses that email. Ask your coach for an invitation, then sign in.');
  await expect(page.getByRole('heading', { name: 'Sign in to Spotter' })).toBeVisible();
});
