import { expect, test } from '@playwright/test';
import { sessionLogId, setKindOf } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { escape, eventually, exerciseItem, logExercise, pullAll, unloggedDemoSession, type Typed } from './client-helpers.ts';

// A whole workout followed and logged with no signal, and the coach sees it once
// the client is back online.

test('the client logs today’s session offline, reloads, syncs, and the coach sees logs, comment and completion', async ({ browser, baseURL }) => {
  const client = await api.login(baseURL!, 'client@demo.test');
  const coach = await api.login(baseURL!, 'coach@demo.test');
  // Today's demo session, not logged yet (demo data gives every client one due the day it seeds).
  const session = await unloggedDemoSession(baseURL!, client.accessToken, 0);
  const today: string = session.dueDate;
  const library = new Map((await pullAll(baseURL!, client.accessToken, 'exercises')).map((e) => [e.id, e]));
  const names: string[] = session.exercises.map((p: any) => library.get(p.exerciseId)!.name);
  // The exercise logged with typed numbers is a loaded lift (load × reps); a plank would ask for seconds.
  const k = session.exercises.findIndex((p: any) => setKindOf(library.get(p.exerciseId), p) === 'load');
  expect(k, 'today’s demo session has a loaded lift').toBeGreaterThanOrEqual(0);
  const others = names.filter((_, i) => i !== k);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'client@demo.test');
  await expect(page.getByRole('region', { name: 'Today' }).getByRole('link', { name: session.title, exact: true })).toBeVisible();
  const weekly = page.getByTestId('weekly-completion');
  await expect(weekly).toHaveText(/^\d+\/\d+ workouts completed$/);
  const completedBefore = Number((await weekly.innerText()).split('/')[0]);
  await goOffline(page);

  await page.getByRole('region', { name: 'Today' }).getByRole('link', { name: session.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/client/sessions/${session.id}$`));
  for (const name of names) await expect(exerciseItem(page, name)).toBeVisible();

  // One lift differs from the prescription (two sets of 7 at 55 kg); the others are one tap each.
  const typed: Typed = { sets: '2', reps: '7', weight: '55', results: 'Last set failed at rep 6', notes: 'Left shoulder tight', difficulty: '4' };
  await logExercise(page, names[k]!, typed);
  await expect(page.getByRole('timer', { name: 'Rest timer' })).toBeVisible(); // prescribed rest starts after a logged set
  for (const name of others) await logExercise(page, name);

  const sessionThread = page.getByRole('region', { name: 'Comments on this session' });
  await sessionThread.getByLabel('Add a comment').fill('Gym was packed, swapped the order a bit.');
  await sessionThread.getByRole('button', { name: 'Post comment' }).click();
  await expect(sessionThread.getByTestId('comment')).toContainText('Gym was packed');

  await page.getByRole('button', { name: 'Complete session' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Completed/ })).toBeVisible();

  // Still offline: a reload comes from the service worker and the local database.
  await page.reload();
  const first = exerciseItem(page, names[k]!);
  await expect(first.getByTestId('logged')).toHaveText(/^2 × 7 · 55 kg/);
  await expect(first).toContainText('Last set failed at rep 6');
  await expect(first).toContainText('Left shoulder tight');
  await expect(first).toContainText('4/5');
  await expect(first.getByTestId('entry-summary')).toContainText(/As prescribed\s*No/);
  await expect(first.getByTestId('logged-set')).toHaveText(['1: 7 @ 55 kg', '2: 7 @ 55 kg']);
  for (const name of others) await expect(exerciseItem(page, name).getByTestId('entry-summary')).toContainText(/As prescribed\s*Yes/);
  await expect(page.getByRole('region', { name: 'Comments on this session' }).getByTestId('comment')).toContainText('Gym was packed');
  await expect(page.getByRole('status').filter({ hasText: /^Completed/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Complete session' })).toHaveCount(0);

  // Closing the tab and opening the app again, still offline, finds it too.
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto(`/client/sessions/${session.id}`);
  await expect(exerciseItem(reopened, names[k]!).getByTestId('logged')).toHaveText(/^2 × 7 · 55 kg/);
  await expect(reopened.getByRole('status').filter({ hasText: /^Completed/ })).toBeVisible();
  await expect(reopened.getByTestId('pending')).toHaveText(/changes? waiting to upload/);
  // Home, still offline: the session moved from "Today" to "Previous Sessions", the week
  // strip marks today done and "My Trainer" counts one more workout this week.
  await reopened.getByRole('link', { name: '← Today' }).click();
  const previous = reopened.getByRole('region', { name: 'Previous Sessions' }).getByTestId('session-item').filter({ has: reopened.getByRole('link', { name: session.title, exact: true }) });
  await expect(previous).toContainText('Completed');
  await expect(reopened.getByRole('region', { name: 'Today' }).getByRole('link', { name: session.title, exact: true })).toHaveCount(0);
  await expect(reopened.getByRole('list', { name: 'This week' }).locator('[aria-current="date"]')).toHaveAttribute('data-state', 'done');
  await expect(reopened.getByTestId('weekly-completion')).toHaveText(new RegExp(`^${completedBefore + 1}/\\d+ workouts completed$`));

  await goOnline(reopened);
  await waitForUpload(reopened);

  // The server has it, as the coach's devices will pull it.
  const rx0 = session.exercises[k].id;
  await eventually(async () => {
    const log = (await pullAll(baseURL!, coach.accessToken, 'logs')).find((l) => l.id === sessionLogId(session.id));
    expect(log?.completedAt).toBeTruthy();
    expect(Object.keys(log.entries).sort()).toEqual(session.exercises.map((p: any) => p.id).sort());
    expect(log.entries[rx0]).toMatchObject({
      setsCompleted: 2, repsCompleted: 7, weightUsed: 55, completedAsPrescribed: false, difficulty: 4,
      results: typed.results, notes: typed.notes,
      prescribed: { sets: session.exercises[k].sets, reps: session.exercises[k].reps, weight: session.exercises[k].weight, restSeconds: session.exercises[k].restSeconds },
    });
    // Every set, as the coach's devices receive it.
    expect(Object.values(log.entries[rx0].sets).map((s: any) => [s.reps, s.load, s.done])).toEqual([[7, 55, true], [7, 55, true]]);
    const comments = (await pullAll(baseURL!, coach.accessToken, 'messages')).filter((m) => m.kind === 'comment' && m.targetId === session.id);
    expect(comments.map((c) => [c.authorRole, c.body])).toEqual([['client', 'Gym was packed, swapped the order a bit.']]);
  });

  // A log that has synced can still be edited, and the edit syncs too.
  await reopened.getByRole('region', { name: 'Previous Sessions' }).getByRole('link', { name: session.title, exact: true }).click();
  const edited: Typed = { ...typed, notes: 'Left shoulder tight, fine the next day' };
  await logExercise(reopened, names[k]!, edited);
  await eventually(async () => {
    const log = (await pullAll(baseURL!, coach.accessToken, 'logs')).find((l) => l.id === sessionLogId(session.id));
    expect(log.entries[rx0]).toMatchObject({ notes: edited.notes, results: typed.results, setsCompleted: 2 });
    expect(log.completedAt).toBeTruthy();
  });

  // The coach, on another device, finds it under "Previous Sessions" as completed, with the logs.
  const coachContext = await browser.newContext();
  const coachPage = await coachContext.newPage();
  await signIn(coachPage, 'coach@demo.test');
  await coachPage.goto(`/coach/clients/${client.user.id}/builder`);
  await coachPage.getByRole('tab', { name: /Previous Sessions/ }).click();
  const card = coachPage.getByRole('article', { name: new RegExp(`^Session ${escape(session.title)} due ${today}`) });
  await expect(card.getByTestId('completion')).toContainText('Completed');
  // Each prescription with what the client did against it, in the prescribed order.
  const logged = card.getByTestId('logged-exercise');
  await expect(logged).toHaveCount(names.length);
  await expect(logged.nth(k).getByTestId('logged')).toHaveText(/^2 × 7 · 55 kg/);
  await expect(logged.nth(k).getByTestId('logged-set')).toHaveText(['1: 7 @ 55 kg', '2: 7 @ 55 kg']);
  await expect(logged.nth(k).getByTestId('entry-summary')).toContainText(/As prescribed\s*No/);
  await expect(logged.nth(k)).toContainText(typed.results);
  await expect(logged.nth(k)).toContainText(edited.notes);
  await expect(logged.nth(k)).toContainText('4/5');
  for (let i = 0; i < names.length; i++) if (i !== k) await expect(logged.nth(i).getByTestId('entry-summary')).toContainText(/As prescribed\s*Yes/);
  const coachThread = card.getByRole('region', { name: 'Comments on this session' });
  await expect(coachThread.getByTestId('comment')).toHaveText([/Gym was packed, swapped the order a bit\./]);

  // The coach answers in the same thread; the client's open page shows it (both online now).
  await coachThread.getByLabel('Add a comment').fill('Fine by me, keep the order next time.');
  await coachThread.getByRole('button', { name: 'Post comment' }).click();
  const clientThread = reopened.getByRole('region', { name: 'Comments on this session' });
  await expect(clientThread.getByTestId('comment')).toHaveText([/Gym was packed/, /Casey Coach[\s\S]*Fine by me, keep the order next time\./]);
  await context.close();
  await coachContext.close();
});
