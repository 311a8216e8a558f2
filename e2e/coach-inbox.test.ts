import { expect, test } from '@playwright/test';
import type { Person } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { trainerWithClient } from './units-helpers.ts';

// docs/DESIGN.md "The coach's inbox": who wrote and how many are unread, on the dashboard and in
// the navigation; one inbox for every conversation with its filters; read offline, and the read
// state follows the coach to another device.

test('a coach reads a client’s messages from the inbox offline; the unread counts follow to another device', async ({ browser, baseURL }) => {
  const { coach, client, password, session } = await trainerWithClient(baseURL!, 'inbox');
  const clientToken = (await api.login(baseURL!, client.email, password)).accessToken;
  const t0 = Date.now();
  const write = (id: string, at: number, extra: object) => ({
    assumedMasterState: null,
    newDocumentState: {
      id, kind: 'message', authorId: client.id, authorRole: 'client', coachId: coach.id, clientId: client.id, targetType: null, targetId: null,
      targetEntryId: null, rating: null, body: '', createdAt: new Date(at).toISOString(), updatedAt: new Date(at).toISOString(), _deleted: false, ...extra,
    },
  });
  await api.post(baseURL!, clientToken, '/api/sync/messages/push', [
    write(`m1-${t0}`, t0 - 60_000, { body: 'Can we move Thursday?' }),
    write(`m2-${t0}`, t0 - 30_000, { body: 'Knee is fine now' }),
    write(`c1-${t0}`, t0 - 10_000, { kind: 'comment', targetType: 'session', targetId: session.id, body: 'Loved this one' }),
  ]);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, coach.email, password);
  const row = page.locator(`[data-client-id="${client.id}"]`);
  await expect(row.getByTestId('client-unread')).toHaveText('3 unread');
  await expect(page.getByTestId('nav-unread')).toContainText('3');

  await goOffline(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Inbox/ }).click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  const items = page.getByRole('main').getByRole('listitem');
  // Newest first.
  await expect(items).toHaveText([/Comment.*Loved this one/, /Message.*Knee is fine now/, /Message.*Can we move Thursday\?/]);
  await page.getByLabel('Show').selectOption('message');
  await expect(items).toHaveCount(2);
  await page.getByLabel('Show').selectOption('all');

  // Opening the conversation reads it, offline.
  await items.filter({ hasText: 'Knee is fine now' }).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/coach/clients/${client.id}/messages$`));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Inbox/ }).click();
  await expect(page.getByTestId('inbox-unread')).toHaveText('1 unread');
  await page.getByLabel('Unread only').check();
  await expect(items).toHaveText([/Loved this one/]);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByTestId('inbox-unread')).toHaveText('Nothing unread.');
  await expect(page.getByTestId('nav-unread')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('inbox-unread')).toHaveText('Nothing unread.');

  await goOnline(page);
  await waitForUpload(page);
  const coachToken = (await api.login(baseURL!, coach.email, password)).accessToken;
  expect((await api.get<Person>(baseURL!, coachToken, '/api/me')).readUpTo).toEqual({ [client.id]: new Date(t0 - 10_000).toISOString() });

  // The coach's other device: nothing unread there either.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, coach.email, password);
  await expect(other.locator(`[data-client-id="${client.id}"]`)).toBeVisible();
  await expect(other.locator(`[data-client-id="${client.id}"]`).getByTestId('client-unread')).toHaveCount(0);
  await expect(other.getByTestId('nav-unread')).toHaveCount(0);
  await context.close();
});
