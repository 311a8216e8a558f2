import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { reminderNotice, type Reminder } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { logExercise } from './client-helpers.ts';
import { deliverPush, shown, tapNotification } from './push-helpers.ts';
import { trainerWithClient } from './units-helpers.ts';

// docs/DESIGN.md "Reminders": a coach schedules a reminder on the phone, offline; it is kept on
// the device and reaches the server (which schedules it) once online. The notice the server
// sends when it comes is shown by the real service worker, and a tap opens its page. And
// "Notifications": the push offer appears after the first useful action, never on load.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('a coach schedules a reminder offline on the phone; it syncs, and its notice opens the session on the client phone', async ({ browser, baseURL }) => {
  const { coach, client, password, session } = await trainerWithClient(baseURL!, 'reminder');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await signIn(page, coach.email, password);
  await page.goto('/coach/reminders');
  await expect(page.getByRole('heading', { name: 'Reminders', level: 1 })).toBeVisible();
  await expect(page.getByText('No reminders yet.')).toBeVisible();

  const form = page.getByRole('form', { name: 'New reminder' });
  // The client list has synced: all clients, and this one.
  await expect(form.getByLabel('For', { exact: true }).locator('option')).toHaveCount(2);
  await goOffline(page);
  await form.getByLabel('For', { exact: true }).selectOption({ label: `Lou ${client.lastName}` });
  await form.getByLabel('When', { exact: true }).selectOption({ label: 'The evening before each session' });
  await form.getByLabel('Time', { exact: true }).fill('19:00');
  await form.getByLabel('Message (optional)').fill('Pack your lifting shoes');
  await form.getByRole('button', { name: 'Save reminder' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved: The evening before each session at 19:00.');
  const listed = page.getByTestId('reminder');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('The evening before each session at 19:00');
  await expect(listed).toContainText(`Lou ${client.lastName}`);

  // A weekly one needs its days: the form says so next to the fields, and saves nothing.
  await form.getByLabel('When', { exact: true }).selectOption({ label: 'Every week on chosen days' });
  await form.getByRole('button', { name: 'Save reminder' }).click();
  await expect(form.getByRole('alert')).toHaveText('Pick the days of the week this reminder comes on.');
  await form.getByRole('checkbox', { name: 'Monday' }).check();
  await form.getByLabel('For', { exact: true }).selectOption({ label: 'All my clients' });
  await form.getByLabel('Time', { exact: true }).fill('07:00');
  await form.getByRole('button', { name: 'Save reminder' }).click();
  await expect(listed).toHaveCount(2);

  // Kept on the device: a reload offline still lists both.
  await page.reload();
  await expect(page.getByTestId('reminder')).toHaveCount(2);
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Touch targets: the delete buttons and the save button are 44 px or more.
  for (const b of await page.getByRole('button', { name: /^(Delete|Save reminder)/ }).all()) expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  await goOnline(page);
  await waitForUpload(page);
  const token = (await api.login(baseURL!, coach.email, password)).accessToken;
  const onServer = await api.pull<Reminder>(baseURL!, token, 'reminders');
  expect(onServer.map((r) => [r.repeat, r.clientId, r.time, r.weekdays]).sort()).toEqual([
    ['eveBefore', client.id, '19:00', []],
    ['weekly', null, '07:00', [1]],
  ]);

  // The evening before the session, the server sends what reminderNotice says; the client's phone shows it and a tap opens the session.
  const eve = onServer.find((r) => r.repeat === 'eveBefore')!;
  const dayBefore = new Date(Date.parse(`${session.dueDate}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const notice = reminderNotice(eve, client.id, dayBefore, [session])!;
  expect(notice).toMatchObject({ title: `Tomorrow: ${session.title}`, body: 'Pack your lifting shoes', url: `/client/sessions/${session.id}` });
  const clientPhone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await clientPhone.grantPermissions(['notifications'], { origin: baseURL });
  const clientPage = await clientPhone.newPage();
  await signIn(clientPage, client.email, password);
  await clientPage.goto('/client/messages');
  const payload = { title: notice.title, body: notice.body, url: notice.url, tag: notice.tag };
  await deliverPush(clientPhone, clientPage, baseURL!, payload);
  await expect.poll(() => shown(clientPage, notice.tag)).toEqual([{ title: notice.title, body: notice.body, url: notice.url }]);
  await tapNotification(clientPhone, notice.tag);
  await expect(clientPage).toHaveURL(new RegExp(`/client/sessions/${session.id}$`));
  await phone.close();
  await clientPhone.close();
});

test("a client sets today's session reminder offline; it reaches the server with the client's time zone", async ({ browser, baseURL }) => {
  const { client, password } = await trainerWithClient(baseURL!, 'own-reminder');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  await signIn(page, client.email, password);
  await page.goto('/client/reminders');
  await expect(page.getByText('Your reminders come at these times on your own clock (America/New_York).')).toBeVisible();
  await goOffline(page);
  const form = page.getByRole('form', { name: 'New reminder' });
  await expect(form.getByLabel('When', { exact: true })).toHaveValue('sessionDay');
  await form.getByLabel('Time', { exact: true }).fill('07:30');
  await form.getByRole('button', { name: 'Save reminder' }).click();
  await expect(page.getByTestId('reminder')).toContainText('On the day of each session at 07:30');
  await goOnline(page);
  await waitForUpload(page);
  const token = (await api.login(baseURL!, client.email, password)).accessToken;
  expect((await api.pull<Reminder>(baseURL!, token, 'reminders')).map((r) => [r.repeat, r.clientId, r.time])).toEqual([['sessionDay', client.id, '07:30']]);
  expect((await api.get(baseURL!, token, '/api/me')).notifications.timeZone).toBe('America/New_York');
  await context.close();
});

test('the push offer is never shown on load, only after the first logged exercise, and "Not now" is remembered', async ({ browser, baseURL }) => {
  const { client, password, session, exerciseName } = await trainerWithClient(baseURL!, 'push-offer');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const offer = page.getByTestId('push-offer');
  await signIn(page, client.email, password);
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(offer).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(offer).toHaveCount(0);

  await page.goto(`/client/sessions/${session.id}`);
  await expect(offer).toHaveCount(0);
  await logExercise(page, exerciseName);
  await expect(offer).toContainText('Get told when your coach sends a new session or a message, even with Spotter closed.');
  // The offer stays put while sync state changes (it once re-mounted on every change, and
  // vanished for a moment under whoever was reading it).
  const shownOffer = await offer.elementHandle();
  await goOffline(page);
  await goOnline(page);
  await waitForUpload(page);
  expect(await shownOffer!.evaluate((el) => el.isConnected)).toBe(true);
  const axe = await new AxeBuilder({ page }).include('[data-testid="push-offer"]').withTags(TAGS).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await offer.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(offer).toHaveCount(0);
  await context.close();
});
