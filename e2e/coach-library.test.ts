import { expect, test, type Page } from '@playwright/test';
import { addDaysTo, todayLocal, type Exercise, type TrainingSession } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

// The exercise library (docs/DESIGN.md "Exercise library"): a coach creates and edits their own exercise offline, uses it
// in a draft at once, duplicates and discards (with undo) drafts, and everything reaches the
// server when the connection returns. "Invite client" says plainly that it needs a connection.

const draft = (page: Page, title: string) => page.getByRole('article', { name: new RegExp(`^Draft ${title} due`) });

test('a coach creates and edits an exercise offline, programs it, duplicates and discards drafts, and it all syncs', async ({ page, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const client = await api.login(baseURL!, 'client3@demo.test');
  const name = `E2E Tempo Squat ${Date.now()}`;
  const video = `${baseURL}/icons/icon-192.png`; // any link the test can open on this machine
  await signIn(page, 'coach@demo.test');
  await goOffline(page);

  // "Invite client" cannot work offline and says so instead of failing silently.
  await page.getByRole('button', { name: 'Invite client' }).click();
  await page.getByLabel('First name').fill('Offline');
  await page.getByLabel('Client email').fill('offline-e2e@demo.test');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(/to send an invitation, Spotter needs a connection\. What you typed is kept/)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exercises' }).click();
  await page.getByLabel('Search exercises').fill('squat');
  await expect(page.getByRole('article', { name: 'Front Squat' })).toBeVisible();
  await page.getByRole('button', { name: 'New exercise' }).click();
  const form = page.getByRole('form', { name: 'New exercise' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Type').selectOption('strength');
  await form.getByLabel('Video link').fill('ftp://example.com/squat.mp4'); // a URL, but not a web one
  await form.getByRole('button', { name: 'Create exercise' }).click();
  await expect(form).toContainText('Video link: use a full http(s) address');
  await form.getByLabel('Video link').fill(video);
  await form.getByLabel('Description').fill('3 s down, pause, drive up.');
  await form.getByRole('button', { name: 'Create exercise' }).click();
  const card = page.getByRole('article', { name });
  await expect(card).toContainText('3 s down, pause, drive up.');

  // Edit it: only the coach's own exercises have an Edit button.
  await expect(page.getByRole('article', { name: 'Front Squat' }).getByRole('button', { name: /Edit/ })).toHaveCount(0);
  await card.getByRole('button', { name: `Edit ${name}` }).click();
  await page.getByRole('form', { name: `Edit ${name}` }).getByLabel('Description').fill('4 s down, pause, drive up.');
  await page.getByRole('form', { name: `Edit ${name}` }).getByRole('button', { name: 'Save exercise' }).click();
  await expect(card).toContainText('4 s down, pause, drive up.');

  // The builder's picker has it at once; "Duplicate" makes tomorrow's copy of today's draft.
  await page.goto(`/coach/clients/${client.user.id}/builder`);
  await page.getByRole('button', { name: '+ Add Session' }).click();
  await draft(page, 'Untitled').first().getByLabel('Title').fill('E2E Library Day');
  const first = draft(page, 'E2E Library Day');
  const tomorrow = addDaysTo(todayLocal(), 1);
  await first.getByLabel('Due date').fill(tomorrow);
  await first.getByLabel('Exercise', { exact: true }).fill(name.slice(0, 20));
  await first.getByRole('button', { name: `Add ${name}` }).click();
  await expect(first.getByRole('listitem', { name: `1. ${name}` })).toBeVisible();
  await first.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByText(`Duplicated to ${addDaysTo(tomorrow, 1)}.`)).toBeVisible();
  const copies = draft(page, 'E2E Library Day');
  await expect(copies).toHaveCount(2);
  const copy = page.getByRole('article', { name: `Draft E2E Library Day due ${addDaysTo(tomorrow, 1)}` });
  await expect(copy.getByRole('listitem', { name: `1. ${name}` })).toBeVisible();

  // Discard with undo: the copy goes, comes back, goes again.
  await copy.getByRole('button', { name: 'Discard' }).click();
  await expect(copies).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(copies).toHaveCount(2);
  await copy.getByRole('button', { name: 'Discard' }).click();
  await expect(copies).toHaveCount(1);

  // Online: the exercise and the one remaining draft reach the server.
  await goOnline(page);
  await waitForUpload(page);
  const exercises = await api.pull<Exercise>(baseURL!, coach.accessToken, 'exercises');
  expect(exercises.find((e) => e.name === name)).toMatchObject({ videoUrl: video, description: '4 s down, pause, drive up.', type: 'strength' });
  const sessions = (await api.pull<TrainingSession>(baseURL!, coach.accessToken, 'sessions')).filter((s) => s.title === 'E2E Library Day');
  expect(sessions.map((s) => [s.dueDate, s.status])).toEqual([[tomorrow, 'draft']]);

  // The video link opens the video in a new tab.
  await page.goto('/coach/exercises');
  await page.getByLabel('Search exercises').fill(name);
  const popup = page.waitForEvent('popup');
  await page.getByRole('article', { name }).getByRole('link', { name: /Watch video/ }).click();
  expect((await popup).url()).toBe(video);
});
