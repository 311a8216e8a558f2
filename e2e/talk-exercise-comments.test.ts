import { expect, test } from '@playwright/test';
import { sessionLogId } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { escape, eventually, exerciseItem, logExercise, pullAll, unloggedDemoSession } from './client-helpers.ts';

// "Both the coach and the client can comment on a session or on an exercise log".
// The client, with no signal, logs one exercise and comments on that exercise's log; once
// online, the coach finds the comment under that exercise on the builder card and answers
// there, and the client's open page shows the answer. It uses client@demo.test's demo session
// due in 9 days, which no other browser test touches.

test('offline, the client comments on one exercise’s log; online, the coach sees it on that exercise and answers', async ({ browser, baseURL }) => {
  const client = await api.login(baseURL!, 'client@demo.test');
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const session = await unloggedDemoSession(baseURL!, client.accessToken, 9);
  const dueDate: string = session.dueDate;
  const exercises = new Map((await pullAll(baseURL!, client.accessToken, 'exercises')).map((e) => [e.id, e.name as string]));
  const [rx0, rx1] = session.exercises as { id: string; exerciseId: string }[];
  const [name0, name1] = [exercises.get(rx0!.exerciseId)!, exercises.get(rx1!.exerciseId)!];
  const said = `Talk: ${name0} pinched my left wrist on the last set.`;
  const answer = `Talk: wrap the wrist and drop 5 kg on ${name0} next time.`;

  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'client@demo.test');
  await goOffline(page);
  await page.goto(`/client/sessions/${session.id}`);
  await logExercise(page, name0);

  // A logged exercise has its own thread; one not logged yet has none.
  const item0 = exerciseItem(page, name0);
  await expect(exerciseItem(page, name1).getByRole('region', { name: `Comments on ${name1}` })).toHaveCount(0);
  await item0.getByText(`Comments on ${name0}`, { exact: true }).click();
  const thread0 = item0.getByRole('region', { name: `Comments on ${name0}` });
  await expect(thread0).toContainText('No comments yet.');
  await thread0.getByLabel('Add a comment').fill(said);
  await thread0.getByRole('button', { name: 'Post comment' }).click();
  await expect(thread0.getByTestId('comment')).toHaveText([new RegExp(`^You.*${escape(said)}$`, 's')]);
  await expect(item0.getByText(`Comments on ${name0} (1)`, { exact: true })).toBeVisible();
  // It is on the exercise, not on the whole log or the session.
  await expect(page.getByRole('region', { name: 'Comments on your log' }).getByTestId('comment')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Comments on this session' }).getByTestId('comment')).toHaveCount(0);

  // Still offline, a reload finds it, its thread open.
  await page.reload();
  await expect(exerciseItem(page, name0).getByRole('region', { name: `Comments on ${name0}` }).getByTestId('comment')).toHaveText([new RegExp(escape(said))]);

  await goOnline(page);
  await waitForUpload(page);
  const onServer = async (body: string) => (await pullAll(baseURL!, coach.accessToken, 'messages')).filter((m) => m.body === body);
  await eventually(async () =>
    expect(await onServer(said)).toEqual([
      expect.objectContaining({ kind: 'comment', authorId: client.user.id, targetType: 'log', targetId: sessionLogId(session.id), targetEntryId: rx0!.id, rating: null }),
    ]),
  );

  // The coach's builder card shows it under that exercise, and the coach answers there.
  const coachPage = await (await browser.newContext()).newPage();
  await signIn(coachPage, 'coach@demo.test');
  await coachPage.goto(`/coach/clients/${client.user.id}/builder`);
  const card = coachPage.getByRole('article', { name: new RegExp(`^Session ${escape(session.title)} due ${dueDate}`) });
  const logged = card.getByTestId('logged-exercise');
  const coachThread = logged.nth(0).getByRole('region', { name: `Comments on ${name0}` });
  await expect(coachThread.getByTestId('comment')).toHaveText([new RegExp(escape(said))]);
  await expect(coachThread.getByTestId('comment')).not.toContainText('You');
  await expect(logged.nth(1).getByRole('region', { name: `Comments on ${name1}` })).toHaveCount(0);
  await expect(card.getByRole('region', { name: "Comments on the client's log" }).getByTestId('comment')).toHaveCount(0);
  await coachThread.getByLabel('Add a comment').fill(answer);
  await coachThread.getByRole('button', { name: 'Post comment' }).click();
  await expect(coachThread.getByTestId('comment')).toHaveText([new RegExp(escape(said)), new RegExp(`^You.*${escape(answer)}$`, 's')]);

  // The client's open page receives the answer in the same thread.
  await expect(exerciseItem(page, name0).getByRole('region', { name: `Comments on ${name0}` }).getByTestId('comment')).toHaveText(
    [new RegExp(`^You.*${escape(said)}`, 's'), new RegExp(escape(answer))],
    { timeout: 30_000 },
  );
  await eventually(async () => expect(await onServer(answer)).toEqual([expect.objectContaining({ authorId: coach.user.id, targetEntryId: rx0!.id })]));
});
