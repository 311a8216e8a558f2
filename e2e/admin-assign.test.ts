import { expect, test, type Page } from '@playwright/test';
import { api, goOffline, goOnline, signIn } from './fixtures.ts';

// Seed 003 flow 1 in the browser: the admin creates a trainer, assigns a member within
// capacity, the trainer sees the new client; a full trainer cannot be chosen; offline the
// dialog says assigning needs the server. The member is moved back at the end, so the demo
// roster other tests rely on is as it was.

const memberRow = (page: Page, name: string) => page.getByTestId('client-row').filter({ hasText: name });
const trainerRow = (page: Page, name: string) => page.getByTestId('trainer-row').filter({ hasText: name });

async function assign(page: Page, member: string, trainer: string) {
  await memberRow(page, member).getByRole('button', { name: `Assign Trainer to ${member}` }).click();
  const dialog = page.getByRole('dialog', { name: `Assign Trainer to ${member}` });
  await dialog.getByRole('radio', { name: new RegExp(trainer) }).check();
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(memberRow(page, member).getByTestId('client-trainer')).toHaveText(trainer);
}

test('an admin assigns a member to a new trainer, who sees the client; a full trainer cannot be chosen', async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const email = `e2e-trainer-${stamp}@demo.test`;
  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin');
  await expect(trainerRow(page, 'Casey Coach')).toBeVisible();

  // A trainer with room for one client.
  await page.getByRole('button', { name: 'New trainer' }).click();
  const form = page.getByRole('form', { name: 'New trainer' });
  await form.getByLabel('First name').fill('Eve');
  await form.getByLabel('Last name').fill(`E2E ${stamp}`);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill('a-long-password');
  await form.getByLabel('Specializations').fill('Strength, Mobility');
  await form.getByLabel('Certifications').fill('NASM-CPT');
  await form.getByLabel('Years of experience').fill('6');
  await form.getByLabel('Hourly rate').fill('55');
  await form.getByLabel('Max clients').fill('1');
  await form.getByRole('button', { name: 'Create trainer' }).click();
  const eve = `Eve E2E ${stamp}`;
  await expect(trainerRow(page, eve).getByTestId('trainer-capacity')).toHaveText('0/1');
  await expect(trainerRow(page, eve)).toContainText('Strength, Mobility');

  await assign(page, 'Sam Lifter', eve);
  await expect(trainerRow(page, eve).getByTestId('trainer-capacity')).toHaveText('1/1 (full)');

  // The server agrees: one active assignment for Sam, with Eve.
  const admin = await api.login(baseURL!, 'admin@demo.test');
  const assignments = await api.pull(baseURL!, admin.accessToken, 'assignments');
  const eveId = (await api.pull(baseURL!, admin.accessToken, 'people')).find((p: any) => p.email === email)!.id;
  const sam = (await api.pull(baseURL!, admin.accessToken, 'people')).find((p: any) => p.email === 'client3@demo.test')!.id;
  expect(assignments.filter((a: any) => a.clientId === sam && a.status === 'active').map((a: any) => a.coachId)).toEqual([eveId]);

  // Eve is full: she cannot be chosen for another member.
  await memberRow(page, 'Riley Member').getByRole('button', { name: 'Assign Trainer to Riley Member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign Trainer to Riley Member' });
  await expect(dialog.getByRole('radio', { name: new RegExp(eve) })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: /Casey Coach/ })).toBeEnabled();

  // Offline, the dialog says why it cannot assign.
  await goOffline(page);
  await expect(dialog.getByRole('status')).toHaveText(/needs a connection/);
  await expect(dialog.getByRole('button', { name: 'Assign', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await goOnline(page);

  // The new trainer signs in and finds the client on the dashboard.
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await signIn(trainer, email, 'a-long-password');
  await expect(trainer.getByText('Sam Lifter').first()).toBeVisible();

  // Put the demo roster back: Sam returns to Casey, and Eve has room again.
  await assign(page, 'Sam Lifter', 'Casey Coach');
  await expect(trainerRow(page, eve).getByTestId('trainer-capacity')).toHaveText('0/1');
  await adminContext.close();
  await trainerContext.close();
});
