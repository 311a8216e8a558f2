import { expect, test, type Page } from '@playwright/test';
import { api, goOffline, goOnline, openThreadSettled, signIn, waitForUpload } from './fixtures.ts';

// Live sync and identity: a change by one user shows on another user's open page
// without a reload (SSE stream), and a session that ended while the device was offline keeps
// the local change until the user signs in again, then uploads it exactly once.

async function send(page: Page, body: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('message').filter({ hasText: body })).toBeVisible();
}

const messagesWith = async (baseURL: string, token: string, body: string) =>
  (await api.pull<{ body: string }>(baseURL, token, 'messages')).filter((m) => m.body === body).length;

test('two users in two browsers: each sees the other’s message appear without a reload', async ({ browser, baseURL }) => {
  const clientLogin = await api.login(baseURL!, 'client3@demo.test');
  const coach = await (await browser.newContext()).newPage();
  const client = await (await browser.newContext()).newPage();
  await signIn(coach, 'coach@demo.test');
  await signIn(client, 'client3@demo.test');
  await coach.goto(`/coach/clients/${clientLogin.user.id}/messages`);
  await client.goto('/client/messages');
  await expect(coach.getByLabel('Message', { exact: true })).toBeVisible();
  await expect(client.getByLabel('Message', { exact: true })).toBeVisible();

  const fromClient = `Live from the client ${Date.now()}`;
  await send(client, fromClient);
  await expect(coach.getByTestId('message').filter({ hasText: fromClient })).toBeVisible();

  const fromCoach = `Live from the coach ${Date.now()}`;
  await send(coach, fromCoach);
  await expect(client.getByTestId('message').filter({ hasText: fromCoach })).toBeVisible();
  await coach.context().close();
  await client.context().close();
});

test('a session that ended while offline keeps the change; signing in again uploads it once', async ({ page, baseURL }) => {
  await signIn(page, 'client2@demo.test');
  await openThreadSettled(page, baseURL!, 'client2@demo.test');
  await goOffline(page);
  const body = `Written before my session ended ${Date.now()}`;
  await send(page, body);
  await expect(page.getByTestId('pending')).toHaveText('1 change waiting to upload');

  // While the device is away its session ends on the server (a sign-out elsewhere, a revoked
  // session): its refresh cookie and the access token it holds in memory are refused.
  const [refresh] = (await page.context().cookies()).filter((c) => c.name === 'spotter_refresh');
  expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
  await api.logout(baseURL!, `${refresh!.name}=${refresh!.value}`);

  await goOnline(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Your session has ended' })).toBeVisible();
  await expect(page.getByTestId('pending')).toHaveText('1 change waiting to upload');
  await expect(page.getByTestId('message').filter({ hasText: body })).toBeVisible();
  const other = await api.login(baseURL!, 'coach2@demo.test');
  expect(await messagesWith(baseURL!, other.accessToken, body)).toBe(0);

  // The account page, opened meanwhile, asks the server once and says why; it does not keep
  // asking (its "back online" retry once looped on the refused refresh, ~60 a second).
  let refreshes = 0;
  page.on('request', (r) => void (r.url().endsWith('/api/auth/refresh') && refreshes++));
  await page.goto('/client/account');
  await expect(page.getByRole('alert').filter({ hasText: 'Your session has ended' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Signed-in devices' }).getByRole('button', { name: 'Try again' })).toBeVisible();
  const asked = refreshes;
  await page.waitForTimeout(2000); // a looping page would send dozens meanwhile
  expect(refreshes).toBe(asked);
  await page.goto('/client/messages');

  await page.getByRole('link', { name: 'sign in again' }).click();
  await expect(page.getByLabel('Email')).toHaveValue('client2@demo.test');
  await page.getByLabel('Password').fill('spotter-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/client$/);
  await waitForUpload(page);
  await expect.poll(() => messagesWith(baseURL!, other.accessToken, body)).toBe(1);
});
