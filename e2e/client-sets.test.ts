import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { addDaysTo, sessionLogId, todayLocal, type TrainingSession } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { exerciseItem } from './client-helpers.ts';

// docs/DESIGN.md "Sets" in the browser, on a 390 px phone with no signal: three sets of a lift
// at different loads and a plank held for time (which never asks for kilograms), by keyboard,
// with touch targets of at least 44 px and no axe violation; a reload keeps every set; online,
// the coach receives them; the next session shows "Last time" and prefills the open load from it.

/** Every button, input and select of the form is at least 44 × 44 CSS px. */
async function smallTargets(form: Locator): Promise<string[]> {
  return form.locator('button, input, select').evaluateAll((els) =>
    els.flatMap((el) => {
      const r = el.getBoundingClientRect();
      return r.width < 44 || r.height < 44 ? [`${el.getAttribute('aria-label') ?? el.textContent}: ${Math.round(r.width)}×${Math.round(r.height)}`] : [];
    }),
  );
}

test('a client logs sets offline on a phone; reload keeps them; the coach receives them; next time shows them', async ({ browser, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const client = await api.login(baseURL!, 'client@demo.test');
  const library = await api.pull(baseURL!, coach.accessToken, 'exercises');
  const squat = library.find((e) => e.name === 'Barbell Back Squat')!;
  const plank = library.find((e) => e.name === 'Plank')!;
  const stamp = Date.now().toString(36);
  const day = addDaysTo(todayLocal(), 20);
  const at = new Date().toISOString();
  const publish = async (id: string, dueDate: string, weight: string) => {
    const session: TrainingSession = {
      id, coachId: coach.user.id, clientId: client.user.id, dueDate, title: `Sets ${stamp} ${dueDate}`, notes: '', status: 'submitted', submittedAt: at, rejection: null, planId: null, createdAt: at, updatedAt: at,
      exercises: [
        { id: `${id}-squat`, exerciseId: squat.id, sets: 3, reps: '8', weight, restSeconds: 90, notes: '' },
        { id: `${id}-plank`, exerciseId: plank.id, sets: 2, reps: '45 s', weight: '', restSeconds: 60, notes: '' },
      ],
    };
    expect(await api.post(baseURL!, coach.accessToken, '/api/sync/sessions/push', [{ assumedMasterState: null, newDocumentState: { ...session, _deleted: false } }])).toMatchObject([{ status: 'published' }]);
    return session;
  };
  const first = await publish(`ses-sets-${stamp}-1`, day, '60 kg');
  const next = await publish(`ses-sets-${stamp}-2`, addDaysTo(day, 7), '');

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 'client@demo.test');
  await page.goto(`/client/sessions/${first.id}`);
  await expect(exerciseItem(page, 'Plank')).toBeVisible();
  await goOffline(page);

  // The lift, by keyboard: three sets at 60, 62.5 and 65 kg, each marked done.
  const lift = exerciseItem(page, 'Barbell Back Squat');
  await lift.getByRole('button', { name: 'Log: Barbell Back Squat' }).focus();
  await page.keyboard.press('Enter');
  const form = lift.getByRole('form', { name: 'Log Barbell Back Squat' });
  await expect(form.getByTestId('set-row')).toHaveCount(3);
  await expect(form.getByLabel('Load (kg), Set 1')).toHaveValue('60');
  expect(await smallTargets(form)).toEqual([]);
  for (const [set, reps, load] of [[1, '8', '60'], [2, '7', '62.5'], [3, '6', '65']] as const) {
    await form.getByLabel(`Reps, Set ${set}`, { exact: true }).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(reps);
    await page.keyboard.press('Tab');
    await expect(form.getByLabel(`Load (kg), Set ${set}`)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(load);
    await form.getByRole('button', { name: `Done, Set ${set}` }).focus();
    await page.keyboard.press('Space');
    await expect(form.getByRole('button', { name: `Done, Set ${set}` })).toHaveAttribute('aria-pressed', 'true');
  }
  // A set done starts the prescribed rest; it survives leaving the workout page.
  const timer = page.getByRole('timer', { name: 'Rest timer' });
  await expect(timer).toContainText('Rest after Barbell Back Squat');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await form.getByRole('button', { name: 'Save log' }).click();
  await expect(lift.getByTestId('logged')).toHaveText(/^3 × 6 · 65 kg/);

  // The plank: seconds only, never kilograms; the second hold was shorter.
  const hold = exerciseItem(page, 'Plank');
  await hold.getByRole('button', { name: 'Log: Plank' }).click();
  const plankForm = hold.getByRole('form', { name: 'Log Plank' });
  await expect(plankForm.getByLabel('Seconds, Set 1')).toHaveValue('45');
  await expect(plankForm.getByLabel(/kg|lb/)).toHaveCount(0);
  await plankForm.getByLabel('Seconds, Set 2').fill('40');
  await plankForm.getByRole('button', { name: 'Save log' }).click();

  const expectSets = async () => {
    await expect(exerciseItem(page, 'Barbell Back Squat').getByTestId('logged-set')).toHaveText(['1: 8 @ 60 kg', '2: 7 @ 62.5 kg', '3: 6 @ 65 kg']);
    await expect(exerciseItem(page, 'Plank').getByTestId('logged-set')).toHaveText(['1: 45 s', '2: 40 s']);
  };
  await expectSets();
  await page.reload(); // still offline: the service worker and the local database
  await expectSets();
  await expect(timer).toBeVisible(); // the rest survives a reload
  await page.getByRole('link', { name: '← Today' }).click();
  await expect(page).toHaveURL(/\/client$/);
  await expect(timer).toContainText('Rest after Plank');
  await timer.getByRole('link', { name: 'Back to workout' }).click();
  await expect(page).toHaveURL(new RegExp(`/client/sessions/${first.id}$`));
  await timer.getByRole('button', { name: /^(Skip rest|Dismiss)$/ }).click();
  await expect(timer).toHaveCount(0);

  await goOnline(page);
  await waitForUpload(page);
  const log = (await api.pull(baseURL!, coach.accessToken, 'logs')).find((l) => l.id === sessionLogId(first.id))!;
  const sets = (rx: string) => Object.values(log.entries[rx].sets).sort((a: any, b: any) => a.position - b.position).map((s: any) => [s.reps, s.load, s.seconds, s.done]);
  expect(sets(`${first.id}-squat`)).toEqual([[8, 60, null, true], [7, 62.5, null, true], [6, 65, null, true]]);
  expect(sets(`${first.id}-plank`)).toEqual([[null, null, 45, true], [null, null, 40, true]]);
  expect(log.entries[`${first.id}-squat`]).toMatchObject({ setsCompleted: 3, repsCompleted: 6, weightUsed: 65, completedAsPrescribed: false });

  // The next session leaves the load open: it shows last time and prefills from it.
  await page.goto(`/client/sessions/${next.id}`);
  const again = exerciseItem(page, 'Barbell Back Squat');
  await expect(again.getByTestId('last-time')).toHaveText(/^Last time: 8 @ 60 kg, 7 @ 62\.5 kg, 6 @ 65 kg, \S/);
  await again.getByRole('button', { name: 'Log: Barbell Back Squat' }).click();
  await expect(again.getByLabel('Load (kg), Set 2')).toHaveValue('62.5');
  await expect(exerciseItem(page, 'Plank').getByTestId('last-time')).toHaveText(/^Last time: 45 s, 40 s, \S/);

  // A heavier last set is a record, shown to the client and on the coach's view of the log.
  await again.getByLabel('Load (kg), Set 3').fill('150');
  await again.getByRole('button', { name: 'Save log' }).click();
  await expect(again.getByTestId('record').filter({ hasText: 'Heaviest: 150 kg' })).toHaveCount(1);
  await waitForUpload(page);
  const coachPage = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(coachPage, 'coach@demo.test');
  await coachPage.goto(`/coach/clients/${client.user.id}/builder`);
  const card = coachPage.getByRole('article', { name: new RegExp(`^Session ${next.title} due ${next.dueDate}`) });
  await expect(card.getByTestId('record').filter({ hasText: 'Heaviest: 150 kg' })).toHaveCount(1);
  await coachPage.context().close();
  await context.close();
});
