import { expect, test } from '@playwright/test';
import type { Message } from '@spotter/shared';
import { api, goOffline, goOnline, signIn } from './fixtures.ts';

// A message written offline is kept on the device, sent on reconnect, and
// arrives exactly once (RxDB retries pushes; the server treats a repeat as a no-op).

async function messagesAs(baseURL: string, token: string): Promise<Message[]> {
  const res = await fetch(`${baseURL}/api/sync/messages/pull`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ checkpoint: null, batchSize: 1000 }),
  });
  return ((await res.json()) as { documents: Message[] }).documents;
}

test('a coach’s message written offline reaches the client once after reconnect', async ({ browser, baseURL }) => {
  const client = await api.login(baseURL!, 'client@demo.test');
  const body = `E2E offline hello ${Date.now()}`;

  const coach = await (await browser.newContext()).newPage();
  await signIn(coach, 'coach@demo.test');
  await expect(coach.getByRole('link', { name: /Add Training Sessions for/ }).first()).toBeVisible();
  await goOffline(coach);
  await coach.goto(`/coach/clients/${client.user.id}/messages`);
  await coach.getByLabel('Message', { exact: true }).fill(body);
  await coach.getByRole('button', { name: 'Send' }).click();
  await expect(coach.getByTestId('message').filter({ hasText: body })).toBeVisible();
  // Still there after a reload with no connection.
  await coach.reload();
  await expect(coach.getByTestId('message').filter({ hasText: body })).toBeVisible();
  // Search narrows the thread.
  await coach.getByLabel('Search messages').fill(body.slice(0, 18));
  await expect(coach.getByTestId('message')).toHaveCount(1);

  await goOnline(coach);
  await expect.poll(async () => (await messagesAs(baseURL!, client.accessToken)).filter((m) => m.body === body).length, { timeout: 20_000 }).toBe(1);
  await coach.reload();
  await expect(coach.getByTestId('message').filter({ hasText: body })).toHaveCount(1);
});
