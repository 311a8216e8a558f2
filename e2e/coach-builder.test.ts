import { expect, test, type Locator, type Page } from '@playwright/test';
import { addDaysTo, todayLocal } from '@spotter/shared';
import { api, goOffline, goOnline, signIn } from './fixtures.ts';

// The session builder offline: the coach builds a week for a client with no connection from the start,
// reloads, goes online, submits, and the client sees the sessions with exercises in order.

const draftCard = (page: Page, title: string): Locator => page.getByRole('article', { name: new RegExp(`^Draft ${title} due`) });

async function addExercise(card: Locator, name: string) {
  await card.getByLabel('Exercise', { exact: true }).fill(name);
  await card.getByRole('button', { name: 'Add Exercise' }).click();
  await expect(card.getByRole('listitem', { name: new RegExp(`\\. ${name}$`) })).toBeVisible();
}

const order = (card: Locator) => card.getByRole('list', { name: 'Exercises in this session' }).getByRole('listitem').evaluateAll((lis) => lis.map((li) => li.getAttribute('aria-label')!.replace(/^\d+\. /, '')));

async function buildDraft(page: Page, title: string, dueDate: string, exercises: string[]) {
  await page.getByRole('button', { name: '+ Add Session' }).click();
  const fresh = draftCard(page, 'Untitled').first();
  await fresh.getByLabel('Title').fill(title);
  const card = draftCard(page, title);
  await card.getByLabel('Due date').fill(dueDate);
  for (const name of exercises) await addExercise(card, name);
  return card;
}

test('a coach builds two drafts offline, reloads, submits online, and the client sees them in order', async ({ browser, baseURL }) => {
  const client = await api.login(baseURL!, 'client@demo.test');
  const coachContext = await browser.newContext();
  const page = await coachContext.newPage();
  await signIn(page, 'coach@demo.test');
  await expect(page.getByRole('link', { name: /Add Training Sessions for/ }).first()).toBeVisible();
  await goOffline(page);

  // A bookmark to the builder opens from the service worker's cache.
  await page.goto(`/coach/clients/${client.user.id}/builder`);
  const tomorrow = addDaysTo(todayLocal(), 1);
  const lower = await buildDraft(page, 'E2E Lower A', tomorrow, ['Front Squat', 'Romanian Deadlift', 'Plank']);
  await lower.getByRole('listitem', { name: /Front Squat$/ }).getByLabel('Reps').fill('AMRAP');
  // Keyboard reorder: Plank up twice → first.
  await lower.getByRole('button', { name: 'Move up: Plank' }).focus();
  await page.keyboard.press('Enter');
  await expect(lower.getByRole('button', { name: 'Move up: Plank' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => order(lower)).toEqual(['Plank', 'Front Squat', 'Romanian Deadlift']);

  const upper = await buildDraft(page, 'E2E Upper A', addDaysTo(tomorrow, 1), ['Bench Press', 'Pull-up', 'Face Pull']);
  await upper.getByRole('button', { name: 'Move down: Bench Press' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => order(upper)).toEqual(['Pull-up', 'Bench Press', 'Face Pull']);
  // Every change is in IndexedDB before the reload (the editor says so once the write lands).
  await expect(lower.getByText('Draft — saved on this device')).toBeVisible();
  await expect(upper.getByText('Draft — saved on this device')).toBeVisible();

  await page.reload();
  await expect(draftCard(page, 'E2E Lower A')).toBeVisible();
  await expect.poll(() => order(draftCard(page, 'E2E Lower A'))).toEqual(['Plank', 'Front Squat', 'Romanian Deadlift']);
  await expect.poll(() => order(draftCard(page, 'E2E Upper A'))).toEqual(['Pull-up', 'Bench Press', 'Face Pull']);
  await expect(draftCard(page, 'E2E Lower A').getByRole('listitem', { name: /Front Squat$/ }).getByLabel('Reps')).toHaveValue('AMRAP');

  // Offline, "Submit all" queues both, clearly marked.
  await page.getByRole('button', { name: 'Submit all' }).click();
  await expect(draftCard(page, 'E2E Lower A').getByText('Waiting to submit')).toBeVisible();
  await expect(draftCard(page, 'E2E Upper A').getByText('Waiting to submit')).toBeVisible();

  await goOnline(page);
  await expect(page.getByRole('article', { name: /^Session E2E Lower A due/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('article', { name: /^Session E2E Upper A due/ })).toBeVisible({ timeout: 20_000 });

  // The client, in another browser context, sees both with their exercises in order.
  const clientContext = await browser.newContext();
  const clientPage = await clientContext.newPage();
  await signIn(clientPage, 'client@demo.test');
  for (const [title, names] of [
    ['E2E Lower A', ['Plank', 'Front Squat', 'Romanian Deadlift']],
    ['E2E Upper A', ['Pull-up', 'Bench Press', 'Face Pull']],
  ] as const) {
    await clientPage.getByRole('link', { name: new RegExp(title) }).first().click();
    for (const name of names) await expect(clientPage.getByText(name).first()).toBeVisible();
    const text = await clientPage.locator('main').innerText();
    const positions = names.map((n) => text.indexOf(n));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
    await clientPage.goBack();
  }
  await coachContext.close();
  await clientContext.close();
});
