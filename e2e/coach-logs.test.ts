import { expect, test } from '@playwright/test';
import { isComplete, sessionLogId, todayLocal, type Message, type SessionLog, type TrainingSession } from '@spotter/shared';
import { formatEntry } from '@spotter/web/lib/client/log-entry.ts';
import { api, signIn } from './fixtures.ts';

// The builder's previous sessions show what the client logged against each
// prescription, and the comment threads, where the coach answers. Expectations come from the
// server's own data; this file only adds a comment, on client3's session (its own client).

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test("the builder's previous sessions show the client's logs and comments, and the coach can answer", async ({ page, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const client = await api.login(baseURL!, 'client3@demo.test');
  const rows = await api.get<{ session: TrainingSession; log: SessionLog | null }[]>(baseURL!, coach.accessToken, `/api/clients/${client.user.id}/sessions`);
  const today = todayLocal();
  // The most recent completed session with logged entries (the Previous tab's first such card).
  const done = rows
    .filter(({ session, log }) => session.status === 'published' && isComplete(session, log) && Object.keys(log!.entries).length > 0 && session.dueDate <= today)
    .sort((a, b) => b.session.dueDate.localeCompare(a.session.dueDate))[0];
  expect(done, 'demo data has a completed, logged session for client3').toBeTruthy();
  const { session, log } = done!;
  const exercises = new Map((await api.pull<{ id: string; name: string }>(baseURL!, coach.accessToken, 'exercises')).map((e) => [e.id, e.name]));

  await signIn(page, 'coach@demo.test');
  await page.goto(`/coach/clients/${client.user.id}/builder`);
  await page.getByRole('tab', { name: /Previous Sessions/ }).click();
  // The tabs answer the arrow keys too (WAI-ARIA tabs): away and back, focus following.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: /Upcoming Sessions/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /Upcoming Sessions/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Previous Sessions/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /Previous Sessions/ })).toHaveAttribute('aria-selected', 'true');
  const card = page.getByRole('article', { name: new RegExp(`^Session ${escape(session.title || 'Untitled')} due ${session.dueDate}`) }).first();
  await expect(card.getByTestId('completion')).toContainText('Completed');

  // Each prescription with what the client logged against it, in the prescribed order.
  const items = card.getByTestId('logged-exercise');
  await expect(items).toHaveCount(session.exercises.length);
  for (const [i, p] of session.exercises.entries()) {
    await expect(items.nth(i)).toContainText(exercises.get(p.exerciseId)!);
    const entry = log!.entries[p.id];
    // The demo coach reads loads in kilograms (docs/DESIGN.md "Weights in the person's unit").
    if (entry) await expect(items.nth(i).getByTestId('logged')).toHaveText(formatEntry(entry, 'kg'));
    else await expect(items.nth(i)).toContainText(/Skipped|Not logged/);
  }

  // The threads on the session and on the log show what the server has.
  const messages = await api.pull<Message>(baseURL!, coach.accessToken, 'messages');
  const onSession = messages.filter((m) => m.kind === 'comment' && m.targetType === 'session' && m.targetId === session.id);
  // The whole-log thread; comments on one exercise's log (targetEntryId) have threads of their own.
  const onLog = messages.filter((m) => m.kind === 'comment' && m.targetType === 'log' && m.targetId === sessionLogId(session.id) && m.targetEntryId === null);
  const sessionThread = card.getByRole('region', { name: 'Comments on this session' });
  const logThread = card.getByRole('region', { name: "Comments on the client's log" });
  await expect(sessionThread.getByTestId('comment')).toHaveCount(onSession.length);
  await expect(logThread.getByTestId('comment')).toHaveCount(onLog.length);
  for (const m of onLog) await expect(logThread).toContainText(m.body);

  // The coach answers on the log's thread; it reaches the server and the client.
  const body = `Great work on ${session.title || 'this session'} — e2e ${Date.now()}`;
  await logThread.getByLabel('Add a comment').fill(body);
  await logThread.getByRole('button', { name: 'Post comment' }).click();
  await expect(logThread.getByTestId('comment').filter({ hasText: body })).toContainText('You');
  await expect
    .poll(async () => (await api.pull<Message>(baseURL!, client.accessToken, 'messages')).find((m) => m.body === body), { timeout: 20_000 })
    .toMatchObject({ kind: 'comment', authorRole: 'coach', targetType: 'log', targetId: sessionLogId(session.id), clientId: client.user.id });
});
