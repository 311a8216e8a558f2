import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { api, goOffline, goOnline, signIn } from './fixtures.ts';
import { trainerWithClient } from './units-helpers.ts';

// A client imports a Strong export at 390 px (docs/DESIGN.md "Import"): the unmatched name is
// reviewed and becomes a custom exercise, the preview says what will be created, the import
// is kept on the device while offline and sent once back online, and the history shows in
// the client's progress. A trainer and client of its own: no other file's numbers move.
const strong = `Date;Workout Name;Duration;Exercise Name;Set Order;Weight;Reps;Distance;Seconds;Notes;Workout Notes;RPE
2025-05-05 07:30:00;"Upper";1h 2m;"Bench Press";1;70;8;0;0;"";"";8
2025-05-05 07:30:00;"Upper";1h 2m;"Bench Press";2;72,5;6;0;0;"";"";9
2025-05-05 07:30:00;"Upper";1h 2m;"Hip Airplane";1;0;8;0;0;"";"";
2025-05-07 07:30:00;"Lower";50m;"Barbell Back Squat";1;100;5;0;0;"";"";
`;

test('a client imports a Strong export: review, preview, kept offline, then in progress', async ({ page, baseURL }) => {
  const { client, password } = await trainerWithClient(baseURL!, 'import');
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, client.email, password);
  await page.goto('/client/progress');
  await page.getByRole('link', { name: 'Import history from Strong or Hevy' }).click();

  // A malformed file: the error names the line, and nothing moves on.
  await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(strong.replace(';72,5;', ';heavy;')) });
  await page.getByRole('button', { name: 'Read the file' }).click();
  await expect(page.getByRole('alert')).toContainText('Line 3: "heavy" in column weight is not a number.');

  await page.getByLabel('CSV file').setInputFiles({ name: 'strong.csv', mimeType: 'text/csv', buffer: Buffer.from(strong) });
  await page.getByRole('button', { name: 'Read the file' }).click();

  // The library knows two names; the third is for the person to decide.
  await expect(page.getByRole('heading', { name: 'Review 1 exercise name' })).toBeVisible();
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Hip Airplane' })).toBeVisible();
  await page.getByRole('group', { name: /Hip Airplane/ }).getByLabel('Create a custom exercise').check();
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByTestId('preview-workouts')).toHaveText('2 workouts from 2025-05-05 to 2025-05-07');
  await expect(page.getByText('New exercises: Hip Airplane')).toBeVisible();

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 390, height: 844 });

  // Offline: nothing is sent, and the page says the reviewed import is kept.
  await goOffline(page);
  await page.getByRole('button', { name: 'Import 2 workouts' }).click();
  await expect(page.getByTestId('import-kept')).toBeVisible();
  const token = (await api.login(baseURL!, client.email, password)).accessToken;
  const before = (await api.pull(baseURL!, token, 'logs')).length;
  expect(before).toBe(0);

  // Back online, it goes out by itself, once.
  await goOnline(page);
  await expect(page.getByTestId('import-done')).toHaveText('2 workouts imported with 4 sets.');
  expect(await api.pull(baseURL!, token, 'logs')).toHaveLength(2);

  await page.getByRole('link', { name: 'See progress' }).click();
  await expect(page.getByTestId('total-sessions')).toHaveText('2');
  const records = page.getByRole('region', { name: 'Best sets and personal records' });
  await expect(records.getByRole('rowheader', { name: 'Bench Press' })).toBeVisible();
  await expect(records.getByRole('rowheader', { name: 'Hip Airplane' })).toBeVisible();
});
