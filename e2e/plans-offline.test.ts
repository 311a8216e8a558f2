import { expect, test } from '@playwright/test';
import { todayLocal } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { logExercise } from './client-helpers.ts';

// Plans in the browser (docs/DESIGN.md "Plan activation"): the admin assigns a member to a
// trainer; the trainer, offline, builds and activates a 4-week plan, reloads (nothing lost),
// goes online; the server schedules the sessions; the client sees this week on the plan
// page, logs today's session from "Log Workout", and the completion statistics update for
// the client and the trainer. The trainer and member are made by this test, so the demo
// clients' days (used by other test files running at the same time) stay as they are.

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const PASSWORD = 'a-long-password';

test('a trainer builds and activates a plan offline; the client sees it, logs a session, and both see the completion', async ({ browser, baseURL }) => {
  const today = todayLocal();
  const todayName = WEEKDAYS[(new Date(`${today}T12:00:00`).getDay() + 6) % 7]!;
  const stamp = Date.now().toString(36);
  const title = `E2E Plan ${stamp}`;

  // The admin makes a trainer; a member signed up by an intake trainer is assigned to them.
  const admin = await api.login(baseURL!, 'admin@demo.test');
  const trainerBody = (first: string, email: string) => ({
    firstName: first, lastName: `Planner ${stamp}`, email, password: PASSWORD,
    isPersonalTrainer: true, specializations: ['Strength'], certifications: [], bio: '', yearsExperience: 4, hourlyRate: 50, maxClients: 10,
  });
  const trainerEmail = `e2e-planner-${stamp}@demo.test`;
  const trainer = await api.post(baseURL!, admin.accessToken, '/api/admin/trainers', trainerBody('Pat', trainerEmail));
  const intake = await api.post(baseURL!, admin.accessToken, '/api/admin/trainers', trainerBody('Ivy', `e2e-intake-${stamp}@demo.test`));
  const intakeLogin = await api.login(baseURL!, intake.email, PASSWORD);
  const memberEmail = `e2e-plan-member-${stamp}@demo.test`;
  const { client: member } = await api.post(baseURL!, intakeLogin.accessToken, '/api/clients', { email: memberEmail, firstName: 'Kim', lastName: `Planned ${stamp}`, password: PASSWORD });
  await api.post(baseURL!, admin.accessToken, '/api/admin/assignments/bulk', { clientIds: [member.id], coachId: trainer.id });
  const memberName = `Kim Planned ${stamp}`;

  const coachContext = await browser.newContext();
  const page = await coachContext.newPage();
  await signIn(page, trainerEmail, PASSWORD);
  await page.goto(`/coach/plans?client=${member.id}`);
  await expect(page.getByLabel('Client', { exact: true })).toHaveValue(member.id);
  await expect(page.getByRole('option', { name: memberName })).toBeAttached();
  await goOffline(page);

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
    // The session builder's picker: type the name, "Add Exercise".
    await day.getByLabel('Exercise', { exact: true }).fill(name);
    await day.getByRole('button', { name: 'Add Exercise', exact: true }).click();
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
  await expect(page.getByTestId('pending')).toHaveText(/changes? waiting to upload/);

  // Still offline: a reload loses nothing.
  await page.reload();
  await page.getByRole('button', { name: title }).click();
  await expect(page.getByRole('form', { name: new RegExp(title) }).getByTestId('plan-status')).toHaveText('Active');

  await goOnline(page);
  await waitForUpload(page);
  await expect(page.getByTestId('plan-schedule')).toHaveText(`4 sessions scheduled from ${today}.`);
  await expect(page.getByTestId('plan-template-note')).toContainText('sessions already scheduled stay as they are');
  const coachStats = page.getByTestId('plan-row').filter({ hasText: title });
  await expect(coachStats.getByTestId('plan-total')).toHaveText('8');
  await expect(coachStats.getByTestId('plan-completed')).toHaveText('0');

  // The server has the plan's sessions, published to the member, a week apart.
  const memberLogin = await api.login(baseURL!, memberEmail, PASSWORD);
  const plan = (await api.pull(baseURL!, memberLogin.accessToken, 'plans')).find((p: any) => p.title === title)!;
  expect(plan).toMatchObject({ status: 'active', startDate: today, durationWeeks: 4 });
  const sessions = (await api.pull(baseURL!, memberLogin.accessToken, 'sessions')).filter((s: any) => s.planId === plan.id);
  expect(sessions.map((s: any) => s.status)).toEqual(['published', 'published', 'published', 'published']);
  expect(new Set(sessions.map((s: any) => new Date(`${s.dueDate}T12:00:00`).getDay())).size).toBe(1);
  const todays = sessions.find((s: any) => s.dueDate === today)!;

  // The member's plan page: this week, today's exercises in order, "Log Workout" to today's session.
  const clientContext = await browser.newContext();
  const mine = await clientContext.newPage();
  await signIn(mine, memberEmail, PASSWORD);
  await mine.goto('/client/plan');
  await expect(mine.getByRole('heading', { name: title })).toBeVisible();
  await expect(mine.getByText('Goal: Build overall strength')).toBeVisible();
  await expect(mine.getByText(`Created by: Pat Planner ${stamp}`)).toBeVisible();
  await expect(mine.getByTestId('plan-week-day')).toHaveCount(7);
  await expect(mine.getByTestId('plan-week-day').and(mine.locator('[data-done="true"]'))).toHaveCount(0);
  const card = mine.getByTestId('plan-day-card').filter({ hasText: todayName });
  await expect(card.getByRole('listitem')).toHaveCount(2);
  await expect(card.getByRole('listitem').first()).toContainText('Front Squat');
  await expect(card.getByRole('listitem').first()).toContainText('x5');
  await expect(card.getByRole('listitem').nth(1)).toContainText('Bench Press');
  await expect(mine.getByTestId('plan-total')).toHaveText('8');
  await expect(mine.getByTestId('plan-completed')).toHaveText('0');

  // Logging happens on the plan's session, like any other session.
  await card.getByRole('link', { name: /Log Workout/ }).click();
  await expect(mine).toHaveURL(new RegExp(`/client/sessions/${todays.id}$`));
  await logExercise(mine, 'Front Squat');
  await logExercise(mine, 'Bench Press');
  await mine.getByRole('button', { name: 'Complete session' }).click();
  await expect(mine.getByRole('status').filter({ hasText: /^Completed/ })).toBeVisible();
  await waitForUpload(mine);

  // The member's statistics and week: today done, 2 of 8 exercises.
  await mine.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
  await expect(mine.getByTestId('plan-completed')).toHaveText('2');
  await expect(mine.getByTestId('plan-percentage')).toHaveText('25%');
  const todayCell = mine.getByTestId('plan-week-day').filter({ hasText: `${todayName}: done` });
  await expect(todayCell).toHaveAttribute('data-done', 'true');

  // The trainer's device receives the logs and shows the same numbers.
  await expect(coachStats.getByTestId('plan-completed')).toHaveText('2');
  await expect(coachStats.getByTestId('plan-percentage')).toHaveText('25%');

  // Offline the plan page still opens from the device, with its numbers.
  await goOffline(mine);
  await mine.reload();
  await expect(mine.getByRole('heading', { name: title })).toBeVisible();
  await expect(mine.getByTestId('plan-percentage')).toHaveText('25%');
  await coachContext.close();
  await clientContext.close();
});
