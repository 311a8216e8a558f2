import { expect, test } from '@playwright/test';
import type { TrainingSession } from '@spotter/shared';
import { addDaysTo, todayLocal } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

// A client moves to a new trainer. The sessions the previous trainer wrote stay theirs (the
// server accepts writes only as oneself), so the new trainer's builder shows them read only —
// no Edit that the server would refuse — and, offline, "Duplicate" makes one the new trainer's
// own draft, which the server accepts. Every account here is made by this test.

test("a new trainer reads the previous trainer's sessions and duplicates one into a draft of their own, offline", async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const admin = await api.login(baseURL!, 'admin@demo.test');
  const trainer = (first: string) =>
    api.post(baseURL!, admin.accessToken, '/api/admin/trainers', {
      firstName: first, lastName: `Takeover ${stamp}`, email: `e2e-${first.toLowerCase()}-${stamp}@demo.test`, password: 'a-long-password',
      isPersonalTrainer: true, specializations: [], certifications: [], bio: '', yearsExperience: 1, hourlyRate: 40, maxClients: 5,
    });
  const former = await trainer('Fern');
  const next = await trainer('Nico');
  const formerToken = (await api.login(baseURL!, former.email, 'a-long-password')).accessToken;
  const { client } = await api.post(baseURL!, formerToken, '/api/clients', { email: `e2e-taken-${stamp}@demo.test`, firstName: 'Tao', lastName: `Member ${stamp}`, password: 'a-long-password' });

  // The former trainer published an upcoming session with one exercise.
  const exercise = (await api.pull(baseURL!, formerToken, 'exercises'))[0]!;
  const at = new Date().toISOString();
  const session: TrainingSession = {
    id: `ses-takeover-${stamp}`, coachId: former.id, clientId: client.id, dueDate: addDaysTo(todayLocal(), 3), title: `Fern's lower body ${stamp}`, notes: '',
    exercises: [{ id: `rx-takeover-${stamp}`, exerciseId: exercise.id, sets: 4, reps: '6', weight: '80 kg', restSeconds: 120, notes: '' }],
    status: 'submitted', submittedAt: at, rejection: null, planId: null, createdAt: at, updatedAt: at,
  };
  expect(await api.post(baseURL!, formerToken, '/api/sync/sessions/push', [{ assumedMasterState: null, newDocumentState: { ...session, _deleted: false } }])).toMatchObject([{ status: 'published' }]);
  await api.post(baseURL!, admin.accessToken, '/api/admin/assignments/bulk', { clientIds: [client.id], coachId: next.id });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, next.email, 'a-long-password');
  await page.goto(`/coach/clients/${client.id}/builder`);
  const card = page.getByRole('article', { name: `Session ${session.title} due ${session.dueDate}` });
  await expect(card.getByTestId('other-coach')).toHaveText('Programmed by a previous coach · read only');
  await expect(card.getByRole('button', { name: 'Edit' })).toHaveCount(0);

  await goOffline(page);
  await card.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Duplicated to' })).toHaveText(`Duplicated to ${addDaysTo(session.dueDate, 1)}.`);
  const copy = page.getByRole('article', { name: new RegExp(`^Draft ${session.title} due`) });
  await expect(copy).toBeVisible();
  await goOnline(page);
  await waitForUpload(page);

  // The server holds the copy as the new trainer's draft, and no refusal was kept.
  const nextToken = (await api.login(baseURL!, next.email, 'a-long-password')).accessToken;
  const drafts = (await api.pull<TrainingSession>(baseURL!, nextToken, 'sessions')).filter((s) => s.clientId === client.id && s.status === 'draft');
  expect(drafts.map((s) => ({ coachId: s.coachId, title: s.title, exercises: s.exercises.map((p) => [p.exerciseId, p.sets, p.reps, p.weight]) }))).toEqual([
    { coachId: next.id, title: session.title, exercises: [[exercise.id, 4, '6', '80 kg']] },
  ]);
  await expect(page.getByText(/refused|could not be saved/i)).toHaveCount(0);
});
