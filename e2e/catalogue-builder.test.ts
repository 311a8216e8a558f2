import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { addDaysTo, todayLocal, type TrainingSession } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

// docs/DESIGN.md "Exercise catalogue" and "Supersets and circuits" in the builder, on a 390 px
// phone with no signal: the coach filters the catalogue by muscle and equipment, prescribes an
// entry (taken into the coach's library), links it with the next exercise as a superset by
// keyboard and sets its rounds; a reload keeps all of it; online, the server has the coach's
// copy of the entry and the grouped session.

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('a coach prescribes a catalogue exercise and a superset offline on a phone; reload keeps them; online they sync', async ({ browser, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const client = await api.login(baseURL!, 'client3@demo.test');
  const title = `Catalogue ${Date.now().toString(36)}`;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 'coach@demo.test');
  await page.goto(`/coach/clients/${client.user.id}/builder`);
  await page.getByRole('button', { name: '+ Add Session' }).click();
  await page.getByRole('article', { name: /^Draft Untitled due/ }).first().getByLabel('Title').fill(title);
  const draft = page.getByRole('article', { name: new RegExp(`^Draft ${title} due`) });
  await draft.getByLabel('Due date').fill(addDaysTo(todayLocal(), 2));
  await goOffline(page);

  // The picker sheet: filters narrow the catalogue; its photo is beside each match.
  await draft.getByRole('button', { name: 'Pick an exercise' }).click();
  const sheet = page.getByRole('dialog', { name: 'Add exercises' });
  await sheet.getByLabel('Muscle').selectOption('chest');
  await sheet.getByLabel('Equipment').selectOption('cable');
  const found = sheet.getByRole('list', { name: 'Catalogue exercises' }).getByRole('button');
  await expect(found).toHaveText([/Cable Chest Press/, /Cable Crossover/, /Cable Iron Cross/, /Flat Bench Cable Flyes/, /Incline Cable Chest Press/, /Incline Cable Flye/, /Low Cable Crossover/, /Single-Arm Cable Crossover/, /Standing Cable Chest Press/]);
  await sheet.getByLabel('Exercise', { exact: true }).fill('crossover');
  await expect(found).toHaveText([/^Add Cable Crossover/, /^Add Low Cable Crossover/, /^Add Single-Arm Cable Crossover/]);
  const photo = found.first().locator('img');
  await expect(photo).toHaveAttribute('width', '48');
  await expect(photo).toHaveAttribute('height', '32');
  await expect(photo).toHaveAttribute('loading', 'lazy');
  await found.first().click();
  // A library exercise by its exact name, as before.
  await sheet.getByLabel('Muscle').selectOption('');
  await sheet.getByLabel('Equipment').selectOption('');
  await sheet.getByLabel('Exercise', { exact: true }).fill('Bench Press');
  await sheet.getByLabel('Exercise', { exact: true }).press('Enter');
  await sheet.getByRole('button', { name: 'Done' }).click();

  const items = draft.getByRole('list', { name: 'Exercises in this session' }).getByRole('listitem');
  await expect(draft.getByRole('listitem', { name: '1. Cable Crossover' })).toBeVisible();
  await expect(draft.getByRole('listitem', { name: '1. Cable Crossover' }).getByRole('img', { name: 'Cable Crossover, start position' })).toHaveAttribute('height', /\d+/);

  // Superset by keyboard: the link button, then rounds typed once for the group.
  await draft.getByRole('button', { name: 'Superset Cable Crossover with Bench Press' }).focus();
  await page.keyboard.press('Enter');
  await expect(draft.getByRole('button', { name: 'Unlink Cable Crossover from Bench Press' })).toBeFocused();
  await expect(draft.getByRole('listitem', { name: '1. Cable Crossover (A1)' })).toBeVisible();
  const second = draft.getByRole('listitem', { name: '2. Bench Press (A2)' });
  await expect(second).toBeVisible();
  await expect(draft.getByText('Superset A · 3 rounds')).toBeVisible();
  await second.getByLabel('Rounds').fill('4');
  await expect(draft.getByRole('listitem', { name: '1. Cable Crossover (A1)' }).getByLabel('Rounds')).toHaveValue('4');
  await draft.getByLabel('Title').click(); // leaves the field: saved at once

  const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await page.reload(); // still offline
  await expect(draft.getByRole('listitem', { name: '1. Cable Crossover (A1)' })).toBeVisible();
  await expect(draft.getByRole('listitem', { name: '2. Bench Press (A2)' }).getByLabel('Rounds')).toHaveValue('4');
  await expect(items).toHaveCount(2);

  await goOnline(page);
  await waitForUpload(page);
  const exercises = await api.pull(baseURL!, coach.accessToken, 'exercises');
  const mine = exercises.find((e) => e.catalogueId === 'Cable_Crossover' && e.ownerId === coach.user.id);
  expect(mine).toMatchObject({ name: 'Cable Crossover', description: '', type: 'strength', pattern: 'push' });
  const session = (await api.pull<TrainingSession>(baseURL!, coach.accessToken, 'sessions')).find((s) => s.title === title)!;
  expect(session.exercises.map((p) => [p.exerciseId === mine!.id, p.sets])).toEqual([[true, 4], [false, 4]]);
  expect(session.exercises[0]!.group).toBeTruthy();
  expect(session.exercises[1]!.group).toBe(session.exercises[0]!.group);
  await context.close();
});

test("the coach's library shows catalogue photos on demand, keeps the ones seen for offline, and adds an entry offline", async ({ browser, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 'coach@demo.test');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exercises' }).click();
  // Nothing of the catalogue's photos is fetched ahead: the library asks as it shows them.
  const before = await page.evaluate(async () => (await (await caches.open('exercise-photos')).keys()).map((r) => new URL(r.url).pathname));
  expect(before).not.toContain('/catalogue/Zottman_Curl/0.webp');
  await page.getByLabel('Search exercises').fill('zottman');
  const entry = page.getByRole('list', { name: 'Catalogue exercises' }).getByRole('article', { name: 'Zottman Curl' });
  const photo = entry.getByRole('img', { name: 'Zottman Curl, start position' });
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('exercise-photos')).keys()).map((r) => new URL(r.url).pathname)))
    .toContain('/catalogue/Zottman_Curl/0.webp');

  await goOffline(page);
  await entry.getByRole('button', { name: 'Add Zottman Curl to my library' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zottman Curl added to your library.' })).toBeVisible();
  await page.reload(); // offline: the library and the photo come from the device
  await page.getByLabel('Search exercises').fill('zottman');
  const mine = page.getByRole('article', { name: 'Zottman Curl' }).first();
  await expect(mine).toContainText('mine');
  await expect.poll(() => mine.getByRole('img', { name: 'Zottman Curl, start position' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
  await expect(page.getByRole('list', { name: 'Catalogue exercises' })).toHaveCount(0); // not offered twice

  await goOnline(page);
  await waitForUpload(page);
  const exercises = await api.pull(baseURL!, coach.accessToken, 'exercises');
  expect(exercises.filter((e) => e.catalogueId === 'Zottman_Curl' && e.ownerId === coach.user.id)).toHaveLength(1);
  await context.close();
});
