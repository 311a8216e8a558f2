import { expect, test, type Page } from '@playwright/test';
import type { Message } from '@spotter/shared';
import { api, goOffline, goOnline, openThreadSettled, signIn, waitForUpload } from './fixtures.ts';

// Signing out with unsynced changes warns first and says how many.

const unique = (what: string) => `${what} ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

async function send(page: Page, body: string): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('message').filter({ hasText: body })).toHaveCount(1);
}

const onServer = async (baseURL: string, body: string) => {
  const { accessToken } = await api.login(baseURL, 'coach@demo.test');
  return (await api.pull<Message>(baseURL, accessToken, 'messages')).filter((m) => m.body === body).length;
};

test('sign out with unsynced changes warns with their number; staying keeps them, discarding signs out', async ({ page, baseURL }) => {
  await signIn(page, 'client3@demo.test');
  await openThreadSettled(page, baseURL!, 'client3@demo.test');
  await goOffline(page);
  const first = unique('Not uploaded yet A');
  const second = unique('Not uploaded yet B');
  await send(page, first);
  await send(page, second);
  await expect(page.getByTestId('pending')).toHaveText('2 changes waiting to upload');

  await page.getByRole('button', { name: 'Sign out' }).click();
  const warning = page.getByRole('alertdialog', { name: 'Sign out with unsynced changes?' });
  await expect(warning).toContainText('2 changes have not been uploaded yet');
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId('message').filter({ hasText: second })).toHaveCount(1);

  // Once uploaded they are safe; one more offline change is then discarded on purpose.
  await goOnline(page);
  await waitForUpload(page);
  expect(await onServer(baseURL!, first)).toBe(1);
  expect(await onServer(baseURL!, second)).toBe(1);
  await goOffline(page);
  const discarded = unique('Discarded on sign-out');
  await send(page, discarded);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(warning).toContainText('1 change has not been uploaded yet');
  await warning.getByRole('button', { name: 'Sign out and discard' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('spotter.session'))).toBeNull();

  // The device is cleared: back online nothing of it is uploaded, and the app asks for sign-in.
  await goOnline(page);
  await page.goto('/client/messages');
  await expect(page).toHaveURL(/\/$/);
  expect(await onServer(baseURL!, discarded)).toBe(0);
});

test('sign out with everything uploaded asks nothing and clears the device', async ({ page }) => {
  await signIn(page, 'client3@demo.test');
  await waitForUpload(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('');
});
