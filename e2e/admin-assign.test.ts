import { expect, test, type Page } from '@playwright/test';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { mailTo } from './mail.ts';

// Assigning in the browser (docs/DESIGN.md "Admin: trainers and assignments"): the admin invites a trainer (who
// chooses their password from the emailed link, docs/DESIGN.md "Invitations and passwords"), assigns a member within
// capacity (ending the member's previous assignment, kept as history), the trainer sees the
// new client and the member gets a system message; a full trainer cannot be chosen; a bulk
// selection too big for a trainer is refused with the reason; offline the dialog says
// assigning needs the server. Every account here is made by this test (other test files run
// at the same time against the same server and rely on the demo roster).

const memberRow = (page: Page, name: string) => page.getByTestId('client-row').filter({ hasText: name });
const trainerRow = (page: Page, name: string) => page.getByTestId('trainer-row').filter({ hasText: name });
const capacity = (page: Page, name: string) => trainerRow(page, name).getByTestId('trainer-capacity');

async function chooseAndAssign(page: Page, title: string, trainer: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('radio', { name: new RegExp(trainer) }).check();
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('an admin assigns a member to a new trainer, who sees the client; full trainers and too-big selections are refused', async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const email = `e2e-trainer-${stamp}@demo.test`;

  // A former trainer with two members of their own, made through the API.
  const admin = await api.login(baseURL!, 'admin@demo.test');
  const former = await api.post(baseURL!, admin.accessToken, '/api/admin/trainers', {
    firstName: 'Fay', lastName: `Former ${stamp}`, email: `e2e-former-${stamp}@demo.test`, password: 'a-long-password',
    isPersonalTrainer: true, specializations: ['Endurance'], certifications: [], bio: '', yearsExperience: 2, hourlyRate: 40, maxClients: 5,
  });
  const fay = `Fay Former ${stamp}`;
  const formerLogin = await api.login(baseURL!, former.email, 'a-long-password');
  const newMember = (first: string) =>
    api.post(baseURL!, formerLogin.accessToken, '/api/clients', { email: `e2e-${first.toLowerCase()}-${stamp}@demo.test`, firstName: first, lastName: `Member ${stamp}`, password: 'a-long-password' });
  const mia = (await newMember('Mia')).client;
  await newMember('Noa');
  const miaName = `Mia Member ${stamp}`;
  const noaName = `Noa Member ${stamp}`;

  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signIn(page, 'admin@demo.test');
  await page.goto('/admin');
  await expect(capacity(page, fay)).toHaveText('2/5');

  // A trainer with room for one client, invited through the form.
  await page.getByRole('button', { name: 'Invite trainer' }).click();
  const form = page.getByRole('form', { name: 'Invite a trainer' });
  await form.getByLabel('First name').fill('Eve');
  await form.getByLabel('Last name').fill(`E2E ${stamp}`);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Specializations').fill('Strength, Mobility');
  await form.getByLabel('Certifications').fill('NASM-CPT');
  await form.getByLabel('Years of experience').fill('6');
  await form.getByLabel('Hourly rate').fill('55');
  await form.getByLabel('Max clients').fill('1');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByTestId('pending-invites').getByRole('status')).toHaveText(`Invitation sent to ${email}. The link works for 7 days.`);
  // Eve accepts from the mail, with her own password: she is on the roster, with her profile.
  const invitation = await mailTo(email, /invited to Spotter as a trainer/);
  await api.post(baseURL!, '', '/api/auth/invite/accept', { token: invitation.link.hash.slice(1), password: 'a-long-password' });
  await expect(page.getByTestId('pending-invites').getByRole('listitem').filter({ hasText: email })).toHaveCount(0);
  const eve = `Eve E2E ${stamp}`;
  await expect(capacity(page, eve)).toHaveText('0/1');
  await expect(trainerRow(page, eve)).toContainText('Strength, Mobility');
  await expect(trainerRow(page, eve)).toContainText('NASM-CPT');
  await expect(trainerRow(page, eve)).toContainText('$55.00/h');

  // Both members at once are too many for Eve: she can't be chosen, and the dialog says why.
  await memberRow(page, miaName).getByRole('checkbox').check();
  await memberRow(page, noaName).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Assign selected (2)' }).click();
  const bulk = page.getByRole('dialog', { name: 'Assign Trainer to 2 clients' });
  const eveOption = bulk.getByTestId('assign-option').filter({ hasText: eve });
  await expect(eveOption.getByRole('radio')).toBeDisabled();
  await expect(eveOption).toContainText(`${eve} is at capacity: room for 1 more client (0/1), 2 selected.`);
  await bulk.getByRole('button', { name: 'Cancel' }).click();
  await expect(bulk).toBeHidden();

  // Mia alone fits: she moves from Fay to Eve, and Fay's assignment becomes history.
  await memberRow(page, miaName).getByRole('button', { name: `Assign Trainer to ${miaName}` }).click();
  await chooseAndAssign(page, `Assign Trainer to ${miaName}`, eve);
  await expect(memberRow(page, miaName).getByTestId('client-trainer')).toHaveText(eve);
  await expect(capacity(page, eve)).toHaveText('1/1 (full)');
  await expect(capacity(page, fay)).toHaveText('1/5');

  // The server agrees: one active assignment (Eve's), Fay's completed today, and a system message.
  const assignments = (await api.pull(baseURL!, admin.accessToken, 'assignments')).filter((a: any) => a.clientId === mia.id);
  const eveId = (await api.pull(baseURL!, admin.accessToken, 'people')).find((p: any) => p.email === email)!.id;
  expect(assignments.filter((a: any) => a.status === 'active').map((a: any) => a.coachId)).toEqual([eveId]);
  expect(assignments.filter((a: any) => a.status === 'completed')).toMatchObject([{ coachId: former.id, endDate: expect.any(String) }]);
  const miaLogin = await api.login(baseURL!, mia.email, 'a-long-password');
  const messages = await api.pull(baseURL!, miaLogin.accessToken, 'messages');
  expect(messages.filter((m: any) => m.kind === 'system').map((m: any) => m.body)).toContain(`You have a new trainer: ${eve}.`);

  // Eve is full: she cannot be chosen for Noa; Fay still can.
  await memberRow(page, noaName).getByRole('button', { name: `Assign Trainer to ${noaName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Assign Trainer to ${noaName}` });
  await expect(dialog.getByRole('radio', { name: new RegExp(eve) })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: new RegExp(fay) })).toBeEnabled();

  // Offline, the dialog says why it cannot assign.
  await goOffline(page);
  await expect(dialog.getByRole('status')).toHaveText(/needs a connection/);
  await dialog.getByRole('radio', { name: new RegExp(fay) }).check();
  await expect(dialog.getByRole('button', { name: 'Assign', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A profile edit is a local write: it works offline and uploads later.
  await trainerRow(page, eve).getByRole('button', { name: `Edit ${eve}` }).click();
  const edit = page.getByRole('form', { name: `Edit ${eve}` });
  await edit.getByLabel('Hourly rate').fill('65');
  await edit.getByLabel('Bio').fill('Lifts heavy, moves well.');
  await edit.getByRole('button', { name: 'Save profile' }).click();
  await expect(trainerRow(page, eve)).toContainText('$65.00/h');
  await expect(trainerRow(page, eve)).toContainText('Lifts heavy, moves well.');
  await expect(page.getByTestId('pending')).toHaveText('1 change waiting to upload');
  await goOnline(page);
  await waitForUpload(page);
  const eveOnServer = (await api.pull(baseURL!, admin.accessToken, 'people')).find((p: any) => p.id === eveId)!;
  expect(eveOnServer).toMatchObject({ hourlyRate: 65, bio: 'Lifts heavy, moves well.', maxClients: 1 });

  // The new trainer signs in and finds the client on the dashboard.
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await signIn(trainer, email, 'a-long-password');
  await expect(trainer.getByText(miaName).first()).toBeVisible();

  // Bulk assignment that fits: both members to Fay, one transaction; Eve has room again.
  await memberRow(page, miaName).getByRole('checkbox').check();
  await memberRow(page, noaName).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Assign selected (2)' }).click();
  await chooseAndAssign(page, 'Assign Trainer to 2 clients', fay);
  await expect(memberRow(page, miaName).getByTestId('client-trainer')).toHaveText(fay);
  await expect(memberRow(page, noaName).getByTestId('client-trainer')).toHaveText(fay);
  await expect(capacity(page, fay)).toHaveText('2/5');
  await expect(capacity(page, eve)).toHaveText('0/1');
  // Mia's history now holds both earlier assignments (Fay's first, then Eve's).
  await expect(memberRow(page, miaName).getByTestId('client-history')).toHaveText('2');
  // Eve's device drops Mia at its next sync: the former trainer loses access.
  await expect(trainer.getByText(miaName)).toHaveCount(0);

  await adminContext.close();
  await trainerContext.close();
});
