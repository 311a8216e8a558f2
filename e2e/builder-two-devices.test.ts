import { expect, test, type Browser, type Page } from '@playwright/test';
import type { TrainingSession } from '@spotter/shared';
import { addDaysTo, todayLocal } from '@spotter/shared';
import { api, signIn } from './fixtures.ts';

// docs/DESIGN.md "The draft queue": one coach, the builder open on a phone and a laptop. The
// phone is typing a draft's title when the laptop's new notes arrive; the phone does not refill
// a form being typed in, and it must not write the notes it showed back over the laptop's.
// Every account here is made by this test.

async function device(browser: Browser, email: string, width: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
  await signIn(page, email, 'a-long-password');
  return page;
}

test('the phone types a title while the laptop’s notes arrive: both edits stay, on both devices and the server', async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const admin = await api.login(baseURL!, 'admin@demo.test');
  const email = `e2e-two-${stamp}@demo.test`;
  const coach = await api.post(baseURL!, admin.accessToken, '/api/admin/trainers', {
    firstName: 'Dana', lastName: `Twodevices ${stamp}`, email, password: 'a-long-password',
    isPersonalTrainer: true, specializations: [], certifications: [], bio: '', yearsExperience: 1, hourlyRate: 40, maxClients: 5,
  });
  const token = (await api.login(baseURL!, email, 'a-long-password')).accessToken;
  const { client } = await api.post(baseURL!, token, '/api/clients', { email: `e2e-two-client-${stamp}@demo.test`, firstName: 'Kit', lastName: `Both ${stamp}`, password: 'a-long-password' });
  const at = new Date().toISOString();
  const draft: TrainingSession = {
    id: `ses-two-${stamp}`, coachId: coach.id, clientId: client.id, dueDate: addDaysTo(todayLocal(), 2), title: 'Legs', notes: '',
    exercises: [], status: 'draft', submittedAt: null, rejection: null, planId: null, createdAt: at, updatedAt: at,
  };
  await api.post(baseURL!, token, '/api/sync/sessions/push', [{ assumedMasterState: null, newDocumentState: { ...draft, _deleted: false } }]);

  const phone = await device(browser, email, 390);
  const laptop = await device(browser, email, 1280);
  for (const page of [phone, laptop]) await page.goto(`/coach/clients/${client.id}/builder`);
  const card = (page: Page) => page.getByRole('article', { name: /^Draft Legs/ });
  for (const page of [phone, laptop]) await expect(card(page).getByLabel('Title')).toHaveValue('Legs');

  // The phone types slowly; meanwhile the laptop writes notes and they reach the server.
  const title = card(phone).getByLabel('Title');
  await title.click();
  await title.press('End');
  const typing = title.pressSequentially(' day, heavy singles then volume', { delay: 150 });
  const notes = 'From the laptop: knee sleeves on.';
  await card(laptop).getByLabel('Notes').fill(notes);
  await card(laptop).getByLabel('Notes').press('Tab');
  const onServer = async () => (await api.pull<TrainingSession>(baseURL!, token, 'sessions')).find((s) => s.id === draft.id);
  await expect.poll(async () => (await onServer())?.notes).toBe(notes);
  await typing;
  const typedTitle = 'Legs day, heavy singles then volume';

  // Both edits everywhere: the server, the laptop, and the phone once it stopped typing.
  await expect.poll(async () => {
    const s = await onServer();
    return { title: s?.title, notes: s?.notes };
  }, { timeout: 20_000 }).toEqual({ title: typedTitle, notes });
  const edited = (page: Page) => page.getByRole('article', { name: new RegExp(`^Draft ${typedTitle}`) });
  for (const page of [phone, laptop]) {
    await expect(edited(page).getByLabel('Title')).toHaveValue(typedTitle, { timeout: 20_000 });
    await expect(edited(page).getByLabel('Notes')).toHaveValue(notes, { timeout: 20_000 });
  }
});
