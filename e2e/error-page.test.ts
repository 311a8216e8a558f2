import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// A page's code is fetched when it is first opened. Offline at that moment (a first visit whose
// service worker has not cached the app yet, as here with workers blocked), the page says it
// needs a connection and loads on "Try again" once online, instead of "500 Internal Error"
// (web/src/lib/app/error-page.ts).
test('a page that cannot load offline says so, fits a phone, and loads on retry once online', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByLabel('Email')).toBeVisible();

  await context.setOffline(true);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page needs a connection');
  await expect(page.getByText('Everything already on this device still works')).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('button', { name: 'Send reset link' })).toBeVisible();
  await context.close();
});
