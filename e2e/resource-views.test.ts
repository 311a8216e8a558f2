import { expect, test } from '@playwright/test';
import type { Message, Note } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

// docs/DESIGN.md "Resources and views": the coach shares a link offline; the client opens it three
// times offline; once both are online the coach's resource list counts exactly three views (the
// server holds three view documents, each once). It uses the third demo client, whom the
// other resource-related tests leave alone.

test('the coach shares a resource offline; the client opens it offline three times; the coach sees "Viewed 3 times"', async ({ browser, baseURL }) => {
  const client = (await api.login(baseURL!, 'client3@demo.test')).user;
  const coachToken = (await api.login(baseURL!, 'coach@demo.test')).accessToken;
  const title = `E2E hinge drill ${Date.now()}`;

  const coach = await (await browser.newContext()).newPage();
  await signIn(coach, 'coach@demo.test');
  await coach.goto(`/coach/clients/${client.id}/notes`);
  // The demo client opened the demo article twice already: counted from the synced views.
  const demoViews = (await api.pull<Message>(baseURL!, coachToken, 'messages')).filter((m) => m.kind === 'view' && m.clientId === client.id);
  const demoResource = (await api.pull<Note>(baseURL!, coachToken, 'notes')).find((n) => n.kind === 'resource' && n.clientId === client.id)!;
  expect(demoViews.filter((v) => v.targetId === demoResource.id)).toHaveLength(2);
  await expect(coach.getByTestId('note-resource').filter({ hasText: demoResource.title }).getByTestId('resource-views')).toContainText('Viewed 2 times');

  await goOffline(coach);
  await coach.getByLabel('Kind').selectOption('resource');
  await coach.getByLabel('Title').fill(title);
  await coach.getByRole('textbox', { name: 'Link' }).fill('https://example.test/hinge-drill');
  await coach.getByRole('combobox', { name: 'Type' }).selectOption('video');
  await coach.getByRole('button', { name: 'Save' }).click();
  const shared = coach.getByTestId('note-resource').filter({ hasText: title });
  await expect(shared.getByTestId('resource-views')).toHaveText('Not opened yet');
  await goOnline(coach);
  await waitForUpload(coach);

  const clientPage = await (await browser.newContext()).newPage();
  await signIn(clientPage, 'client3@demo.test');
  await clientPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  const link = clientPage.getByTestId('client-note').filter({ hasText: title }).getByRole('link', { name: 'Open video' });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await goOffline(clientPage);
  for (let i = 0; i < 3; i++) {
    // The link opens in a new tab (offline, it cannot load; the opening is what counts).
    const [tab] = await Promise.all([clientPage.context().waitForEvent('page'), link.click()]);
    await tab.close();
  }
  await expect(clientPage.getByTestId('pending')).toHaveText(/3 changes/);
  const views = async () => (await api.pull<Message>(baseURL!, coachToken, 'messages')).filter((m) => m.kind === 'view' && m.targetId !== demoResource.id && m.clientId === client.id);
  expect(await views()).toHaveLength(0);

  await goOnline(clientPage);
  await waitForUpload(clientPage);
  await expect.poll(async () => (await views()).length, { timeout: 20_000 }).toBe(3);
  const stored = await views();
  expect(new Set(stored.map((v) => v.id)).size).toBe(3);
  expect(stored.every((v) => v.authorId === client.id && v.body === '')).toBe(true);

  // The coach's open page counts them as they arrive, and still does offline after a reload.
  await expect(shared.getByTestId('resource-views')).toContainText('Viewed 3 times', { timeout: 20_000 });
  await goOffline(coach);
  await coach.reload();
  await expect(coach.getByTestId('note-resource').filter({ hasText: title }).getByTestId('resource-views')).toContainText('Viewed 3 times');
});
