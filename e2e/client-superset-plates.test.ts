import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sessionLogId, todayLocal, type TrainingSession } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { exerciseItem } from './client-helpers.ts';

// In the client's workout on a 390 px phone with no signal:
// - the photos of today's exercises, kept by the client's home while online, show offline
//   (docs/DESIGN.md "Exercise catalogue");
// - a superset is walked round by round with the rest after the round
//   (docs/DESIGN.md "Supersets and circuits");
// - the plate calculator answers for the next set and keeps the gym's plates across a reload
//   (docs/DESIGN.md "Plate calculator");
// online, the coach has every set.

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const cachedPhotos = (page: Page) =>
  page.evaluate(async () => (await (await caches.open('exercise-photos')).keys()).map((r) => new URL(r.url).pathname));

test('a client walks a superset offline with photos and the plate calculator; reload keeps it; the coach gets the sets', async ({ browser, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const client = await api.login(baseURL!, 'client@demo.test');
  const library = await api.pull(baseURL!, coach.accessToken, 'exercises');
  const squat = library.find((e) => e.name === 'Barbell Back Squat')!;
  const pullup = library.find((e) => e.name === 'Pull-up')!;
  expect([squat.catalogueId, pullup.catalogueId]).toEqual(['Barbell_Squat', 'Pullups']);
  const at = new Date().toISOString();
  const id = `ses-superset-${Date.now().toString(36)}`;
  const session: TrainingSession = {
    id, coachId: coach.user.id, clientId: client.user.id, dueDate: todayLocal(), title: `Superset ${id}`, notes: '', status: 'submitted', submittedAt: at, rejection: null, planId: null, createdAt: at, updatedAt: at,
    exercises: [
      { id: `${id}-squat`, exerciseId: squat.id, sets: 2, reps: '5', weight: '100 kg', restSeconds: 120, notes: '', group: 'g1' },
      { id: `${id}-pull`, exerciseId: pullup.id, sets: 2, reps: '8', weight: 'bodyweight', restSeconds: 60, notes: '', group: 'g1' },
    ],
  };
  expect(await api.post(baseURL!, coach.accessToken, '/api/sync/sessions/push', [{ assumedMasterState: null, newDocumentState: { ...session, _deleted: false } }])).toMatchObject([{ status: 'published' }]);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 'client@demo.test');
  // The home keeps the photos of the coming workouts while online.
  await expect.poll(() => cachedPhotos(page)).toEqual(expect.arrayContaining(['/catalogue/Barbell_Squat/0.webp', '/catalogue/Barbell_Squat/1.webp', '/catalogue/Pullups/0.webp']));
  await goOffline(page);
  await page.goto(`/client/sessions/${id}`);

  const lift = exerciseItem(page, 'Barbell Back Squat');
  const pull = exerciseItem(page, 'Pull-up');
  const start = lift.getByRole('img', { name: 'Barbell Back Squat, start position' });
  await expect(start).toHaveAttribute('width', '140');
  await expect(start).toHaveAttribute('height', /^\d+$/);
  await expect.poll(() => start.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);

  // The walk: A1 is up next; its set done opens A2 with no rest; the round done rests.
  await expect(lift.getByTestId('group-label')).toHaveText(/^A1 · Superset A, 2 rounds · up next: round 1$/);
  await expect(pull.getByTestId('group-label')).toHaveText(/^A2 · Superset A, 2 rounds$/);
  await lift.getByRole('button', { name: 'Log: Barbell Back Squat' }).click();
  const liftForm = lift.getByRole('form', { name: 'Log Barbell Back Squat' });

  // The plate calculator for the next set's 100 kg, then this gym's 15 kg bar and few plates.
  await expect(lift.getByTestId('plates-answer')).toHaveText('Each side: 25 + 15 kg, on a 20 kg bar.');
  await lift.getByText('Bar and plates (kg)').click();
  // The form takes this device's bar and plates when the disclosure's toggle event comes, a
  // moment after the click: typing before it was typing into a field about to be refilled
  // (a fresh-clone run once got "2015").
  await expect(lift.getByLabel('Bar (kg)', { exact: true })).toHaveValue('20');
  await lift.getByLabel('Bar (kg)', { exact: true }).fill('15');
  await lift.getByLabel('Plates you have (kg)').fill('20, ten');
  await lift.getByRole('button', { name: 'Save plates' }).click();
  await expect(lift.getByRole('alert')).toHaveText(/^Plates: weights separated by commas/);
  await expect(lift.getByLabel('Plates you have (kg)')).toHaveValue('20, ten'); // kept to correct
  await lift.getByLabel('Plates you have (kg)').fill('20, 10x1, 5x1');
  await lift.getByRole('button', { name: 'Save plates' }).click();
  await expect(lift.getByTestId('plates-answer')).toHaveText('Each side: 20 + 20 kg, on a 15 kg bar. The plates make 95 kg, not 100.');
  await lift.getByLabel('Load on the bar (kg)').fill('57.5');
  await expect(lift.getByTestId('plates-answer')).toHaveText('Each side: 20 kg, on a 15 kg bar. The plates make 55 kg, not 57.5.');

  await liftForm.getByRole('button', { name: 'Done, Set 1' }).click();
  const pullForm = pull.getByRole('form', { name: 'Log Pull-up' });
  await expect(pullForm).toBeVisible();
  await expect(liftForm).toHaveCount(0);
  await expect(page.getByRole('timer', { name: 'Rest timer' })).toHaveCount(0); // no rest inside a round
  await expect(pull.getByTestId('group-label')).toHaveText(/up next: round 1$/);
  await pullForm.getByRole('button', { name: 'Done, Set 1' }).click();
  await expect(page.getByRole('timer', { name: 'Rest timer' })).toContainText('Rest after Superset A');
  await expect(liftForm).toBeVisible();
  await expect(lift.getByTestId('group-label')).toHaveText(/up next: round 2$/);

  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await page.reload(); // still offline: the sets and the gym's plates stay
  await expect(lift.getByTestId('group-label')).toHaveText(/up next: round 2$/);
  await lift.getByRole('button', { name: 'Edit log: Barbell Back Squat' }).click();
  await expect(lift.getByTestId('plates-answer')).toHaveText('Each side: 20 + 20 kg, on a 15 kg bar. The plates make 95 kg, not 100.');

  await goOnline(page);
  await waitForUpload(page);
  const log = (await api.pull(baseURL!, coach.accessToken, 'logs')).find((l) => l.id === sessionLogId(id))!;
  const done = (rx: string) => Object.values(log.entries[rx].sets as Record<string, { done: boolean }>).filter((s) => s.done).length;
  expect([done(`${id}-squat`), done(`${id}-pull`)]).toEqual([1, 1]);
  await context.close();
});
