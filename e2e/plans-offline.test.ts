import { expect, test } from '@playwright/test';
import { todayLocal } from '@spotter/shared';
import { api, goOffline, goOnline, signIn } from './fixtures.ts';

// Seed 003 flow 2 in the browser: the coach builds a 4-week plan with no connection,
// activates it, reloads (still offline: nothing lost), goes online; the server schedules the
// sessions, and the client sees this week's plan page with "Log Workout" on the sessions.

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

test('a coach builds and activates a plan offline; online, the client sees the plan and its sessions', async ({ browser, baseURL }) => {
  const today = todayLocal();
  const todayName = WEEKDAYS[(new Date(`${today}T12:00:00`).getDay() + 6) % 7]!;
  const title = `E2E Plan ${Date.now().toString(36)}`;

  const coachContext = await browser.newContext();
  const page = await coachContext.newPage();
  await signIn(page, 'coach@demo.test');
  await page.goto('/coach/plans');
  await expect(page.getByLabel('Client')).toBeVisible();
  await goOffline(page);

  await page.getByLabel('Client').selectOption({ label: 'Jamie Client' });
  await page.getByRole('button', { name: 'Create Workout Plan' }).click();
  const editor = page.getByRole('form', { name: /New plan/ });
  await editor.getByLabel('Title').fill(title);
  const form = page.getByRole('form', { name: new RegExp(title) });
  await form.getByLabel('Goals').fill('Build overall strength');
  await form.getByLabel('Duration (weeks)').fill('4');
  await form.getByLabel('Duration (weeks)').blur();
  await form.getByRole('checkbox', { name: todayName }).check();
  const day = form.getByTestId('plan-day').filter({ has: page.getByRole('heading', { name: todayName }) });
  for (const name of ['Bench Press', 'Front Squat']) {
    await day.getByLabel('Find exercise').fill(name);
    await day.getByLabel('Exercise', { exact: true }).selectOption({ label: name });
    await day.getByRole('button', { name: `Add Exercise to ${todayName}` }).click();
  }
  await expect(day.getByTestId('plan-exercise')).toHaveCount(2);
  // Keyboard reorder: Front Squat first.
  await day.getByRole('button', { name: 'Move up Front Squat' }).click();
  await expect(day.getByTestId('plan-exercise').first()).toContainText('Front Squat');
  await day.getByTestId('plan-exercise').first().getByLabel('Reps').fill('5');

  await form.getByLabel('Start date').fill(today);
  await form.getByRole('button', { name: 'Activate plan' }).click();
  await expect(form.getByTestId('plan-status')).toHaveText('Active');
  await expect(form.getByTestId('plan-schedule')).toContainText('when this reaches the server');

  // Still offline: a reload loses nothing.
  await page.reload();
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('form', { name: new RegExp(title) }).getByTestId('plan-status')).toHaveText('Active');

  await goOnline(page);
  await expect(page.getByTestId('plan-schedule')).toHaveText(/4 sessions scheduled/);

  // The server has the plan's sessions, published.
  const client = await api.login(baseURL!, 'client@demo.test');
  const plans = await api.pull(baseURL!, client.accessToken, 'plans');
  const plan = plans.find((p: any) => p.title === title)!;
  expect(plan).toMatchObject({ status: 'active', startDate: today });
  const sessions = (await api.pull(baseURL!, client.accessToken, 'sessions')).filter((s: any) => s.planId === plan.id && !s._deleted);
  expect(sessions).toHaveLength(4);

  // The client's plan page: this week, today's exercises in order, "Log Workout" to today's session.
  const clientContext = await browser.newContext();
  const mine = await clientContext.newPage();
  await signIn(mine, 'client@demo.test');
  await mine.goto('/client/plan');
  await expect(mine.getByRole('heading', { name: title })).toBeVisible();
  await expect(mine.getByText('Goal: Build overall strength')).toBeVisible();
  await expect(mine.getByTestId('plan-week-day')).toHaveCount(7);
  const card = mine.getByTestId('plan-day-card').filter({ hasText: todayName });
  await expect(card.getByRole('listitem').first()).toContainText('Front Squat');
  await expect(card.getByRole('listitem').first()).toContainText('5');
  await expect(mine.getByTestId('plan-total')).toHaveText('8');
  const todays = sessions.find((s: any) => s.dueDate === today)!;
  await card.getByRole('link', { name: /Log Workout/ }).click();
  await expect(mine).toHaveURL(new RegExp(`/client/sessions/${todays.id}$`));

  // Offline the plan page still opens from the device.
  await goOffline(mine);
  await mine.goto('/client/plan');
  await expect(mine.getByRole('heading', { name: title })).toBeVisible();
  await coachContext.close();
  await clientContext.close();
});
