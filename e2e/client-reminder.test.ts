import { expect, test } from '@playwright/test';
import { goOffline, goOnline, signIn } from './fixtures.ts';

// Reminders (docs/DESIGN.md "Logging a workout"): an in-app reminder of today's session and, where the browser allows
// notifications, one notification a day from the app's service worker.
// client2@demo.test: its demo session due today is not touched by other browser tests.

test('the client is reminded of today’s session in the app and by a notification, offline too', async ({ page, context }) => {
  await signIn(page, 'client2@demo.test');
  const reminder = page.getByRole('complementary', { name: 'Reminder' });
  await expect(reminder).toContainText(/^Today: .+ — \d+ exercises?\./);
  const title = (await page.getByRole('heading', { name: 'Today' }).locator('xpath=following::a[1]').textContent())?.trim() ?? '';
  await expect(reminder).toContainText(`Today: ${title}`);

  // Notifications are the user's choice: the app asks only when they turn reminders on.
  await context.grantPermissions(['notifications']);
  await reminder.getByRole('button', { name: 'Turn on daily reminders' }).click();
  const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.body));
  await expect.poll(shown).toEqual([expect.stringContaining(`Today: ${title}`)]);
  await expect(reminder.getByRole('button', { name: 'Turn on daily reminders' })).toHaveCount(0);

  // Offline and reopened the same day: the banner comes from local data, no second notification.
  await goOffline(page);
  await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach((n) => n.close()));
  await page.reload();
  await expect(reminder).toContainText(`Today: ${title}`);
  await reminder.getByRole('link', { name: 'Start logging' }).click();
  await expect(page).toHaveURL(/\/client\/sessions\//);
  expect(await shown()).toEqual([]);
  await goOnline(page);
});
