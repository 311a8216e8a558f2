import { expect, test, type Page } from '@playwright/test';
import { api, signIn } from './fixtures.ts';
import { mailTo, pathOf } from './mail.ts';

// Invitations and passwords (docs/DESIGN.md "Invitations and passwords"), in the browser on a
// phone: a coach invites a client by email, the client follows the link from the mail (the
// server's dev outbox), chooses a password and is signed in; a forgotten password is reset
// by mail and every other session ends. These actions need the network: offline, each page
// says so, keeps what was typed, and the same button works once the connection is back.

const PASSWORD = 'violet-harbor-quantum-sketch-91';
const NEW_PASSWORD = 'amber-glacier-piano-lantern-58';

test.use({ viewport: { width: 390, height: 844 } });

async function setOffline(page: Page, offline: boolean) {
  await page.context().setOffline(offline);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(!offline);
}

test('a client invited by email sets a password from the link and signs in; offline, what was typed is kept', async ({ page, browser, baseURL }) => {
  const stamp = Date.now();
  const email = `e2e-invited-${stamp}@demo.test`;
  await signIn(page, 'coach@demo.test');

  // The coach fills the invitation offline: the form says it needs a connection and keeps it.
  await setOffline(page, true);
  await page.getByRole('button', { name: 'Invite client' }).click();
  await expect(page.getByTestId('needs-network').first()).toBeVisible();
  await page.getByLabel('First name').fill('Ivy');
  await page.getByLabel('Last name').fill(`Invited ${stamp}`);
  await page.getByLabel('Client email').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('alert')).toContainText('try again when you are back online');
  await expect(page.getByLabel('Client email')).toHaveValue(email);
  await setOffline(page, false);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  const pending = page.getByTestId('pending-invites');
  await expect(pending.getByRole('status')).toHaveText(`Invitation sent to ${email}. The link works for 7 days.`);
  await expect(pending.getByRole('listitem', { name: `Invitation to Ivy Invited ${stamp}` })).toContainText(email);

  // The client, on their own phone, opens the link from the mail.
  const mail = await mailTo(email, /invites you to Spotter/);
  expect(mail.link.pathname).toBe('/invite');
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(pathOf(mail.link));
  await expect(phone.getByRole('heading', { name: 'Welcome, Ivy' })).toBeVisible();
  await expect(phone.getByText(`You will sign in as ${email}`)).toBeVisible();

  // The network drops as they submit: the page says so, both passwords stay typed.
  await setOffline(phone, true);
  await expect(phone.getByTestId('needs-network')).toBeVisible();
  await phone.getByLabel('New password').fill(PASSWORD);
  await phone.getByLabel('Type it again').fill(PASSWORD);
  await phone.getByRole('button', { name: 'Create my account' }).click();
  await expect(phone.getByRole('alert')).toContainText('You are offline');
  await expect(phone.getByLabel('New password')).toHaveValue(PASSWORD);
  await expect(phone.getByLabel('Type it again')).toHaveValue(PASSWORD);
  await setOffline(phone, false);
  await phone.getByRole('button', { name: 'Create my account' }).click();

  // Signed in, at home, with their coach's welcome; the link is spent.
  await expect(phone).toHaveURL(/\/client$/);
  await expect(phone.getByTestId('sync-status')).toBeVisible();
  const login = await api.login(baseURL!, email, PASSWORD);
  expect(login.user).toMatchObject({ role: 'client', firstName: 'Ivy' });
  const again = await phone.context().newPage();
  await again.goto(pathOf(mail.link));
  await expect(again.getByRole('alert')).toHaveText('This invitation was already accepted. Sign in with your email and password.');

  // The coach sees the new client, and the invitation is no longer pending.
  await page.reload();
  await expect(page.getByText(`Ivy Invited ${stamp}`).first()).toBeVisible();
  await expect(page.getByTestId('pending-invites').getByRole('listitem').filter({ hasText: email })).toHaveCount(0);
  await phone.context().close();
});

test('a forgotten password is reset by mail: every other session ends; offline, the new password is kept', async ({ page, browser, baseURL }) => {
  // A client of their own, so the demo accounts' passwords stay as they are.
  const stamp = Date.now();
  const email = `e2e-forgot-${stamp}@demo.test`;
  const coach = await api.login(baseURL!, 'coach@demo.test');
  await api.post(baseURL!, coach.accessToken, '/api/invites', { role: 'client', email, firstName: 'Flo', lastName: `Forgot ${stamp}` });
  const invite = await mailTo(email, /invites you to Spotter/);
  await api.post(baseURL!, '', '/api/auth/invite/accept', { token: invite.link.hash.slice(1), password: PASSWORD });

  // Signed in on a laptop that will be signed out by the reset.
  const laptop = await (await browser.newContext()).newPage();
  await signIn(laptop, email, PASSWORD);

  await page.goto('/');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account uses this email');

  const mail = await mailTo(email, /Reset your Spotter password/);
  await page.goto(pathOf(mail.link));
  // The connection drops once the page is there (before, its route's code may still be on the way).
  await expect(page.getByLabel('New password')).toBeVisible();
  await setOffline(page, true);
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByLabel('Type it again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toContainText('You are offline');
  await expect(page.getByLabel('New password')).toHaveValue(NEW_PASSWORD);
  await setOffline(page, false);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/client$/);

  // The laptop's session has ended: it asks to sign in again (its local changes are kept).
  await laptop.reload();
  await expect(laptop.getByRole('alert').filter({ hasText: 'Your session has ended' })).toBeVisible({ timeout: 30_000 });
  expect((await api.login(baseURL!, email, NEW_PASSWORD)).user.email).toBe(email);
  await laptop.context().close();

  // The account page lists this device; its password can be changed there.
  await page.goto('/client/account');
  await expect(page.getByRole('region', { name: 'Signed-in devices' })).toContainText('(this device)');
});
