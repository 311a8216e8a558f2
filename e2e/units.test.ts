import { expect, test } from '@playwright/test';
import type { Person, SessionLog } from '@spotter/shared';
import { sessionLogId } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { exerciseItem, logExercise } from './client-helpers.ts';
import { trainerWithClient } from './units-helpers.ts';

// docs/DESIGN.md "Weights in the person's unit": loads are stored as entered and shown in the
// reader's unit; the unit is a field of the person's own document, so it is chosen offline
// like any edit and reaches the server (and every other device) with the next sync.

test('a client switches to pounds offline: the logged load and the prescription are converted, the choice survives a reload and syncs, the log stays in kilograms', async ({ browser, baseURL }) => {
  const { client, password, session, exerciseName } = await trainerWithClient(baseURL!, 'units');
  const page = await (await browser.newContext()).newPage();
  await signIn(page, client.email, password);
  await page.goto(`/client/sessions/${session.id}`);
  const item = exerciseItem(page, exerciseName);
  await expect(item.getByTestId('prescription')).toHaveText('3 × 5 · 60 kg · rest 2 min');
  await logExercise(page, exerciseName, { sets: '3', reps: '5', weight: '100', results: '', notes: '', difficulty: '3' });
  await expect(item.getByTestId('logged')).toHaveText('3 × 5 · 100 kg');

  await goOffline(page);
  await page.getByLabel('Weights in').selectOption('lb');
  await expect(item.getByTestId('logged')).toHaveText('3 × 5 · 220.5 lb');
  await expect(item.getByTestId('prescription')).toHaveText('3 × 5 · 132.3 lb · rest 2 min');

  // Still offline: the choice is on the device, not in the page.
  await page.reload();
  await expect(exerciseItem(page, exerciseName).getByTestId('logged')).toHaveText('3 × 5 · 220.5 lb');
  await expect(page.getByLabel('Weights in')).toHaveValue('lb');

  await goOnline(page);
  await waitForUpload(page);
  const token = (await api.login(baseURL!, client.email, password)).accessToken;
  expect((await api.get<Person>(baseURL!, token, '/api/me')).units).toBe('lb');
  // Stored as entered: converting is the reader's business.
  const log = (await api.pull<SessionLog>(baseURL!, token, 'logs')).find((l) => l.id === sessionLogId(session.id))!;
  expect(Object.values(log.entries).map((e) => [e.weightUsed, e.weightUnit])).toEqual([[100, 'kg']]);

  // Another device of the same person gets the unit with its first sync.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, client.email, password);
  await other.goto(`/client/sessions/${session.id}`);
  await expect(exerciseItem(other, exerciseName).getByTestId('logged')).toHaveText('3 × 5 · 220.5 lb');
});
