import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addDaysTo, todayLocal } from '@spotter/shared';
import { goOffline, signIn } from './fixtures.ts';
import { logExercise } from './client-helpers.ts';
import { trainerWithClient } from './units-helpers.ts';

// docs/DESIGN.md "Installing": the browser's install prompt is kept, never shown on load, and
// offered with a sentence of why after the person's first useful action on this device.

/**
 * What Chromium does when the app is installable: fire `beforeinstallprompt`. The page must
 * keep it (preventDefault) rather than let the browser show its own banner on load. Returns
 * whether it was kept; `window.promptShown` counts the prompts the app showed.
 */
async function browserOffersInstall(page: Page): Promise<boolean> {
  // The shell listens once it has mounted: its status line is the sign.
  await expect(page.getByTestId('sync-status')).toBeVisible();
  return page.evaluate(() => {
    const w = window as unknown as { promptShown?: number };
    w.promptShown ??= 0;
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => void (w.promptShown! += 1),
      userChoice: Promise.resolve({ outcome: 'accepted', platform: 'web' }),
    });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
}

const offer = (page: Page) => page.getByRole('complementary', { name: 'Install Spotter' });

test('the install prompt is not offered on load, only after the client logs a first exercise (offline), and not again once answered', async ({ browser, baseURL }) => {
  const { client, password, session, exerciseName } = await trainerWithClient(baseURL!, 'install');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, client.email, password);
  expect(await browserOffersInstall(page)).toBe(true);
  await expect(page.getByRole('heading', { name: 'Hi Lou' })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Install', exact: true })).toHaveCount(0);

  await goOffline(page);
  await page.goto(`/client/sessions/${session.id}`);
  expect(await browserOffersInstall(page)).toBe(true);
  await expect(offer(page)).toHaveCount(0);
  await logExercise(page, exerciseName);
  await expect(offer(page)).toContainText('opens like an app');
  await offer(page).getByRole('button', { name: 'Install' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { promptShown: number }).promptShown)).toBe(1);
  await expect(offer(page)).toHaveCount(0);

  // Answered: a later visit does not offer it again, though the account panel keeps the way back.
  await page.reload();
  expect(await browserOffersInstall(page)).toBe(true);
  await expect(page.getByRole('button', { name: 'Install', exact: true })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
});

test("a coach is offered the install after their first submitted session, and \"Not now\" is remembered on the device", async ({ browser, baseURL }) => {
  const { coach, client, password } = await trainerWithClient(baseURL!, 'install-coach');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, coach.email, password);
  await page.goto(`/coach/clients/${client.id}/builder`);
  expect(await browserOffersInstall(page)).toBe(true);
  await expect(offer(page)).toHaveCount(0);

  await goOffline(page);
  await page.getByRole('button', { name: '+ Add Session' }).click();
  const draft = page.getByRole('article', { name: /^Draft Untitled due/ }).first();
  await draft.getByLabel('Title').fill('First week');
  const card = page.getByRole('article', { name: /^Draft First week due/ });
  await card.getByLabel('Due date').fill(addDaysTo(todayLocal(), 1));
  await card.getByLabel('Exercise', { exact: true }).fill('Front Squat');
  await card.getByRole('button', { name: 'Add Exercise' }).click();
  await expect(offer(page)).toHaveCount(0); // a draft is not yet worth installing for
  await page.getByRole('button', { name: 'Submit all' }).click();
  await expect(offer(page)).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="install-offer"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await offer(page).getByRole('button', { name: 'Not now' }).click();
  await expect(offer(page)).toHaveCount(0);

  await page.reload();
  expect(await browserOffersInstall(page)).toBe(true);
  await expect(page.getByRole('heading', { name: /^Sessions for/ })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { promptShown?: number }).promptShown ?? 0)).toBe(0);
});

test('iOS Safari, which has no prompt, shows the Add to Home Screen hint once, after the first logged exercise', async ({ browser, baseURL }) => {
  const { client, password, session, exerciseName } = await trainerWithClient(baseURL!, 'install-ios');
  const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
  const page = await (await browser.newContext({ userAgent: iphone, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })).newPage();
  const hint = page.getByRole('complementary', { name: 'Add Spotter to your Home Screen' });
  await signIn(page, client.email, password);
  await expect(page.getByRole('heading', { name: 'Hi Lou' })).toBeVisible();
  await expect(hint).toHaveCount(0);

  await goOffline(page);
  await page.goto(`/client/sessions/${session.id}`);
  await logExercise(page, exerciseName);
  await expect(hint).toContainText('tap Share, then Add to Home Screen');
  await page.reload();
  await expect(page.getByRole('heading', { name: new RegExp(exerciseName) })).toBeVisible();
  await expect(hint).toHaveCount(0);
});

test('the installed app opens at the start URL on the person’s home, with their name and role', async ({ browser, baseURL }) => {
  const { client, password } = await trainerWithClient(baseURL!, 'install-start');
  const manifest = (await (await fetch(`${baseURL}/manifest.webmanifest`)).json()) as { start_url: string; display: string };
  expect(manifest.display).toBe('standalone');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, client.email, password);
  await goOffline(page);
  await page.goto(manifest.start_url);
  await expect(page).toHaveURL(/\/client$/);
  await expect(page.getByRole('heading', { name: 'Hi Lou' })).toBeVisible();
  await expect(page.getByText(`Signed in as Lou ${client.lastName} (client)`)).toBeVisible();
});
