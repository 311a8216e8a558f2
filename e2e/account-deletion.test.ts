import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { api, signIn } from './fixtures.ts';

// Deleting an account (docs/DESIGN.md "Deleting an account"), on phones: a client deletes their
// own account with their password (offline the page says so and keeps what was typed); once
// the undo window has passed (shortened for these tests, playwright.config.ts), the coach's
// device no longer lists them. A fresh client, so the shared demo accounts stay.

const PASSWORD = 'copper-meadow-violin-harbor-73';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const phone = { viewport: { width: 390, height: 844 } };

test.use(phone);

async function axeClean(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const found = (await new AxeBuilder({ page }).withTags(TAGS).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
}

async function setOffline(page: Page, offline: boolean) {
  await page.context().setOffline(offline);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(!offline);
}

test("a deleted client is gone from the coach's device", async ({ page, browser, baseURL }) => {
  const stamp = Date.now();
  const email = `e2e-deleted-${stamp}@demo.test`;
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const added = await api.post<{ client: { id: string } }>(baseURL!, coach.accessToken, '/api/clients', { email, firstName: 'Dana', lastName: `Leaving ${stamp}`, password: PASSWORD });
  const row = page.locator(`[data-client-id="${added.client.id}"]`).first();

  // The coach's phone lists the new client; the client signs in on their own phone.
  const client = await (await browser.newContext(phone)).newPage();
  await Promise.all([signIn(page, 'coach@demo.test'), signIn(client, email, PASSWORD)]);
  await expect(row).toBeVisible();

  // The client asks to delete their account.
  await client.goto('/client/account');
  const card = client.getByTestId('delete-account');
  await card.getByRole('button', { name: 'Delete my account' }).click();
  await card.getByLabel('Your password').fill(PASSWORD);

  // Offline: nothing is asked, the page says why and keeps the password typed.
  await setOffline(client, true);
  await card.getByRole('button', { name: 'Confirm deletion' }).click();
  await expect(card.getByRole('alert')).toContainText('You are offline');
  await expect(card.getByLabel('Your password')).toHaveValue(PASSWORD);
  await setOffline(client, false);
  await card.getByRole('button', { name: 'Confirm deletion' }).click();
  await expect(card.getByTestId('deletion-pending')).toContainText('Your account will be deleted at');
  await expect(card.getByRole('button', { name: 'Cancel deletion' })).toBeVisible();
  await axeClean(client);

  // Once the window has passed the server no longer has them (signing in would cancel it: not tried) …
  await expect.poll(async () => (await api.pull<{ id: string }>(baseURL!, coach.accessToken, 'people')).some((p) => p.id === added.client.id), { timeout: 30_000 }).toBe(false);
  await expect(api.login(baseURL!, email, PASSWORD)).rejects.toThrow(/401/);
  // Their own phone is told at its next refresh and empties itself: back to signing in.
  await client.reload();
  await expect(client.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => client.evaluate(() => localStorage.getItem('spotter.session'))).toBeNull();
  // … and the coach's device, synced again, no longer shows the client.
  await page.reload();
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(row).toHaveCount(0);
  await axeClean(page);
});

test('an admin deletes a member from the roster; after the window the roster no longer lists them', async ({ page, baseURL }) => {
  const stamp = Date.now();
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const added = await api.post<{ client: { id: string } }>(baseURL!, coach.accessToken, '/api/clients', {
    email: `e2e-removed-${stamp}@demo.test`, firstName: 'Robin', lastName: `Removed ${stamp}`, password: PASSWORD,
  });
  await signIn(page, 'admin@demo.test');
  const row = page.locator(`[data-testid="client-row"][data-client-id="${added.client.id}"]`);
  await row.getByRole('button', { name: `Delete Robin Removed ${stamp}` }).click();
  const card = page.getByTestId('delete-account');
  await card.getByRole('button', { name: `Delete Robin Removed ${stamp}` }).click();
  await card.getByLabel('Your password').fill('spotter-demo');
  await card.getByRole('button', { name: 'Confirm deletion' }).click();
  await expect(card.getByTestId('deletion-pending')).toContainText(`Robin Removed ${stamp}'s account will be deleted at`);
  await axeClean(page);
  // The deletion reaches the admin's device through sync: the row goes by itself.
  await expect(row).toHaveCount(0, { timeout: 30_000 });
});

test('a client changes their mind: offline the cancel says why; online it stands, and the account outlives its due time', async ({ page, baseURL }) => {
  const stamp = Date.now();
  const email = `e2e-stays-${stamp}@demo.test`;
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const added = await api.post<{ client: { id: string } }>(baseURL!, coach.accessToken, '/api/clients', { email, firstName: 'Kim', lastName: `Staying ${stamp}`, password: PASSWORD });
  await signIn(page, email, PASSWORD);
  await page.goto('/client/account');
  const card = page.getByTestId('delete-account');
  await card.getByRole('button', { name: 'Delete my account' }).click();
  await card.getByLabel('Your password').fill(PASSWORD);
  await card.getByRole('button', { name: 'Confirm deletion' }).click();
  await expect(card.getByTestId('deletion-pending')).toContainText('Your account will be deleted at');
  // A second client asks for deletion just after: once theirs has taken effect, this one's
  // time has passed too, and a deletion still planned would have run (no fixed wait).
  const control = await api.post<{ client: { id: string } }>(baseURL!, coach.accessToken, '/api/clients', { email: `e2e-control-${stamp}@demo.test`, firstName: 'Lee', lastName: `Control ${stamp}`, password: PASSWORD });
  const controlToken = (await api.login(baseURL!, `e2e-control-${stamp}@demo.test`, PASSWORD)).accessToken;
  await api.post(baseURL!, controlToken, '/api/account/deletion', { password: PASSWORD });

  await setOffline(page, true);
  await card.getByRole('button', { name: 'Cancel deletion' }).click();
  await expect(card.getByRole('alert')).toContainText('You are offline');
  await expect(card.getByTestId('deletion-pending')).toBeVisible();
  await setOffline(page, false);
  await card.getByRole('button', { name: 'Cancel deletion' }).click();
  await expect(card.getByRole('status')).toHaveText('Your account will not be deleted.');
  await expect(card.getByTestId('deletion-pending')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Delete my account' })).toBeVisible();
  await axeClean(page);

  // Past the time it was due, the account is still there.
  await expect.poll(async () => (await api.pull<{ id: string }>(baseURL!, coach.accessToken, 'people')).some((p) => p.id === control.client.id), { timeout: 30_000 }).toBe(false);
  expect((await api.login(baseURL!, email, PASSWORD)).accessToken).toBeTruthy();
  expect((await api.pull<{ id: string }>(baseURL!, coach.accessToken, 'people')).some((p) => p.id === added.client.id)).toBe(true);
  await page.reload();
  await expect(page.getByTestId('delete-account').getByRole('button', { name: 'Delete my account' })).toBeVisible();
});
