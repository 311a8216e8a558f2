import { expect, test, type Locator, type Page } from '@playwright/test';
import { addDaysTo, todayLocal, type TrainingSession } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

// docs/DESIGN.md "The draft queue": a submit is a request the server judges with
// its own clock. A draft submitted offline while the coach's device believes it is yesterday
// (so the local check lets it through) reaches the server a day late: the server refuses it,
// and the draft comes back to the queue with the reason and everything the coach typed.

const draftCard = (page: Page, title: string): Locator => page.getByRole('article', { name: new RegExp(`^Draft ${title} due`) });
const order = (card: Locator) =>
  card.getByRole('list', { name: 'Exercises in this session' }).getByRole('listitem').evaluateAll((lis) => lis.map((li) => li.getAttribute('aria-label')!.replace(/^\d+\. /, '')));

async function addExercise(card: Locator, name: string) {
  await card.getByLabel('Exercise', { exact: true }).fill(name);
  await card.getByRole('button', { name: 'Add Exercise' }).click();
  await expect(card.getByRole('listitem', { name: new RegExp(`\\. ${name}$`) })).toBeVisible();
}

test('a draft submitted offline whose due date passes before it syncs comes back to the queue with the reason, nothing lost', async ({ browser, baseURL }) => {
  // client3 is this file's own client, so parallel scenarios on client@demo.test are untouched.
  const client = await api.login(baseURL!, 'client3@demo.test');
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'coach@demo.test');
  await page.goto(`/coach/clients/${client.user.id}/builder`);
  await expect(page.getByRole('tab', { name: /Upcoming Sessions/ })).toBeVisible();
  await goOffline(page);

  // The coach's device thinks it is yesterday (a wrong clock, or a tab left open overnight).
  const today = todayLocal();
  const yesterday = addDaysTo(today, -1);
  await page.clock.setSystemTime(Date.now() - 24 * 3600_000);
  await page.reload();
  await expect(page.getByTestId('connection')).toHaveText('Offline');

  await page.getByRole('button', { name: '+ Add Session' }).click();
  const fresh = draftCard(page, 'Untitled').first();
  // "Add Session" starts the draft on the device's today, which is the real yesterday.
  await expect(fresh.getByLabel('Due date')).toHaveValue(yesterday);
  await fresh.getByLabel('Title').fill('E2E Refused Push');
  const card = draftCard(page, 'E2E Refused Push');
  await card.getByLabel('Notes', { exact: true }).first().fill('Tempo 3-1-1 on every rep');
  for (const name of ['Romanian Deadlift', 'Plank']) await addExercise(card, name);
  await card.getByRole('listitem', { name: /Romanian Deadlift$/ }).getByLabel('Reps').fill('8-12');
  await card.getByRole('listitem', { name: /Romanian Deadlift$/ }).getByLabel('Weight').fill('70% 1RM');
  await card.getByRole('button', { name: 'Submit' }).click();
  await expect(card.getByText('Waiting to submit')).toBeVisible();
  await expect(page.getByTestId('pending')).not.toHaveText('All changes saved');

  // Back to the real time, then the connection returns: the server judges the due date.
  await page.clock.setSystemTime(Date.now());
  await goOnline(page);
  const reason = `The due date ${yesterday} has passed; pick today or a later day.`;
  await expect(card.getByRole('alert')).toContainText(reason, { timeout: 30_000 });
  await waitForUpload(page);

  // Nothing lost: the draft is back in the queue with everything typed, in order.
  await expect(card.getByLabel('Title')).toHaveValue('E2E Refused Push');
  await expect(card.getByLabel('Notes', { exact: true }).first()).toHaveValue('Tempo 3-1-1 on every rep');
  await expect(card.getByLabel('Due date')).toHaveValue(yesterday);
  await expect.poll(() => order(card)).toEqual(['Romanian Deadlift', 'Plank']);
  await expect(card.getByRole('listitem', { name: /Romanian Deadlift$/ }).getByLabel('Reps')).toHaveValue('8-12');
  await expect(card.getByRole('listitem', { name: /Romanian Deadlift$/ }).getByLabel('Weight')).toHaveValue('70% 1RM');
  await expect(card.getByRole('button', { name: 'Submit' })).toBeEnabled();
  // The shell's "not accepted" list stays empty: the server kept all of it as the draft.
  await expect(page.getByRole('heading', { name: /not accepted/ })).toHaveCount(0);

  // The server holds it as a draft with the reason; the client never received it.
  const onServer = async () => (await api.pull<TrainingSession>(baseURL!, coach.accessToken, 'sessions')).find((s) => s.title === 'E2E Refused Push');
  expect(await onServer()).toMatchObject({ status: 'draft', rejection: reason, dueDate: yesterday, notes: 'Tempo 3-1-1 on every rep' });
  const clientSees = async () => (await api.pull<TrainingSession>(baseURL!, client.accessToken, 'sessions')).some((s) => s.title === 'E2E Refused Push');
  expect(await clientSees()).toBe(false);

  // The coach fixes the date and submits again: published, and the client gets it.
  const tomorrow = addDaysTo(today, 1);
  await card.getByLabel('Due date').fill(tomorrow);
  await card.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('article', { name: new RegExp(`^Session E2E Refused Push due ${tomorrow}`) })).toBeVisible({ timeout: 30_000 });
  await expect.poll(clientSees, { timeout: 15_000 }).toBe(true);
  expect(await onServer()).toMatchObject({ status: 'published', rejection: null, dueDate: tomorrow });
  await context.close();
});
