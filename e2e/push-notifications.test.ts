import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Person } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { deliverPush, shown, tapNotification } from './push-helpers.ts';
import { trainerWithClient } from './units-helpers.ts';

// docs/DESIGN.md "Notifications": a push reaches the real service worker (Chromium's DevTools
// protocol delivers it as a push service would), which shows it; a tap on it opens the app on
// the notice's page, with or without a connection. The preferences are the person's own
// document, set in the account panel and synced.

test('a pushed notice is shown by the service worker and a tap opens its page, online and offline', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['notifications'], { origin: baseURL });
  await signIn(page, 'client3@demo.test');
  const sessionPath = (await page.locator('a[href^="/client/sessions/"]').first().getAttribute('href'))!;
  await page.goto('/client/messages');

  const notice = { title: 'New session from your coach: Lower body, Thu', body: '5 exercises', url: sessionPath, tag: 'session:e2e-1' };
  await deliverPush(context, page, baseURL!, notice);
  await expect.poll(() => shown(page, notice.tag)).toEqual([{ title: notice.title, body: notice.body, url: sessionPath }]);
  await tapNotification(context, notice.tag);
  await expect(page).toHaveURL(new RegExp(`${sessionPath}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Offline: the worker still shows the push, and the tap opens the page from the precache.
  await goOffline(page);
  const message = { title: 'Message from Casey', body: 'How did it go?', url: '/client/messages', tag: 'message:e2e-2' };
  await deliverPush(context, page, baseURL!, message);
  await expect.poll(async () => (await shown(page, message.tag)).map((n) => n.title)).toEqual([message.title]);
  await tapNotification(context, message.tag);
  await expect(page).toHaveURL(/\/client\/messages$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await goOnline(page);
});

test('a push whose page is not part of the app opens the app home instead', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['notifications'], { origin: baseURL });
  await signIn(page, 'client3@demo.test');
  await page.goto('/client/messages');
  await deliverPush(context, page, baseURL!, { title: 'Odd', body: '', url: '//evil.example/x', tag: 'odd' });
  await expect.poll(async () => (await shown(page, 'odd')).map((n) => n.url)).toEqual(['/']);
  await tapNotification(context, 'odd');
  await expect(page).toHaveURL(/\/client$/);
});

test('notification preferences are set offline in the account panel and reach the server', async ({ browser, baseURL }) => {
  const { client, password } = await trainerWithClient(baseURL!, 'push');
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await signIn(page, client.email, password);
  const settings = page.getByTestId('notification-settings');
  await settings.getByText('Notifications', { exact: true }).click();

  await goOffline(page);
  await settings.getByLabel('Messages and comments').uncheck();
  await settings.getByLabel('From', { exact: true }).fill('22:00');
  await settings.getByLabel('To', { exact: true }).fill('07:00');
  await settings.getByLabel('To', { exact: true }).blur();
  await expect(settings).toContainText('Nothing is sent between these times (Europe/Berlin).');
  await page.reload();
  await page.getByTestId('notification-settings').getByText('Notifications', { exact: true }).click();
  await expect(page.getByTestId('notification-settings').getByLabel('Messages and comments')).not.toBeChecked();
  await expect(page.getByTestId('notification-settings').getByLabel('From', { exact: true })).toHaveValue('22:00');

  await goOnline(page);
  await waitForUpload(page);
  const token = (await api.login(baseURL!, client.email, password)).accessToken;
  expect((await api.get<Person>(baseURL!, token, '/api/me')).notifications).toEqual({
    newSession: true, messages: false, clientLogged: true, quietFrom: '22:00', quietTo: '07:00', timeZone: 'Europe/Berlin',
  });

  // Usable on a phone: no axe violation with the settings open, no sideways scrolling at 320 px.
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await page.getByRole('button', { name: 'Account and settings' }).click();
    await page.getByTestId('notification-settings').getByText('Notifications', { exact: true }).click();
    await expect(page.getByTestId('notification-settings').getByLabel('From', { exact: true })).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(result.violations.map((v) => `${width} px: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.keyboard.press('Escape');
  }
  await context.close();
});
