import { expect, test, type Page } from '@playwright/test';
import type { LoginResponse } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

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
  await page.goto('/client/messages');
  await goOffline(page);
  const body = `Written before my session ended ${Date.now()}`;
  await send(page, body);
  await expect(page.getByTestId('pending')).toHaveText('1 change waiting to upload');

  // While the device is away its tokens die: the access token expires and the refresh token
  // is revoked on the server (what an expired refresh token or a sign-out elsewhere does).
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('spotter.session')!) as LoginResponse);
  await api.post(baseURL!, saved.accessToken, '/api/auth/logout', { refreshToken: saved.refreshToken });
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('spotter.session')!);
    localStorage.setItem('spotter.session', JSON.stringify({ ...s, accessToken: 'expired.access.token' }));
  });

  await goOnline(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Your session has ended' })).toBeVisible();
  await expect(page.getByTestId('pending')).toHaveText('1 change waiting to upload');
  await expect(page.getByTestId('message').filter({ hasText: body })).toBeVisible();
  const other = await api.login(baseURL!, 'coach2@demo.test');
  expect(await messagesWith(baseURL!, other.accessToken, body)).toBe(0);

  await page.getByRole('link', { name: 'sign in again' }).click();
  await expect(page.getByLabel('Email')).toHaveValue('client2@demo.test');
  await page.getByLabel('Password').fill('spotter-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/client$/);
  await waitForUpload(page);
  await expect.poll(() => messagesWith(baseURL!, other.accessToken, body)).toBe(1);
});
