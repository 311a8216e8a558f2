import { expect, test } from '@playwright/test';
import { ratingId, type Message, type Recommendation } from '@spotter/shared';
import { api, goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';
import { escape, eventually, pullAll } from './client-helpers.ts';

// Client feedback (docs/DESIGN.md "Recommendations engine"): the client, with no signal, rates an approved
// recommendation with a comment, changes the rating, and finds it after a reload; once online
// there is one rating on the server and the coach's review shows it. It uses the approved
// demo recommendation of client@demo.test, which no other browser test touches.

test('offline, the client rates an approved recommendation; online, the coach sees the rating and comment', async ({ browser, baseURL }) => {
  const client = await api.login(baseURL!, 'client@demo.test');
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const approved = (await pullAll(baseURL!, client.accessToken, 'recommendations')) as Recommendation[];
  // The demo's approved recommendation comes from the engine (sync-server/src/demo/seed.ts): found, not named.
  const rec = approved.find((r) => r.status === 'approved' && r.clientId === client.user.id)!;
  expect(rec, 'demo data has an approved recommendation for client@demo.test').toBeTruthy();
  const comment = 'Talk: squats felt solid at the new weight.';

  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'client@demo.test');
  await goOffline(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  const item = page.getByTestId('client-recommendation').filter({ hasText: rec.title });
  await item.getByRole('button', { name: `Rate: ${rec.title}` }).click();
  const form = item.getByRole('form', { name: `Rate: ${rec.title}` });
  await expect(form.getByRole('button', { name: 'Save rating' })).toBeDisabled(); // a rating is needed; the comment is not
  await form.getByRole('radio', { name: '4 Very useful' }).check();
  await form.getByLabel('Comment (optional)').fill(comment);
  await form.getByRole('button', { name: 'Save rating' }).click();
  const mine = item.getByTestId('my-rating');
  await expect(mine).toContainText('Your rating: 4/5 · Very useful');
  await expect(mine).toContainText(comment);

  // Changing it edits the same rating: the form opens on what was saved.
  await mine.getByRole('button', { name: `Change rating: ${rec.title}` }).click();
  await expect(form.getByRole('radio', { name: '4 Very useful' })).toBeChecked();
  await expect(form.getByLabel('Comment (optional)')).toHaveValue(comment);
  await form.getByRole('radio', { name: '5 Extremely useful' }).check();
  await form.getByRole('button', { name: 'Save rating' }).click();
  await expect(mine).toContainText('Your rating: 5/5 · Extremely useful');

  await page.reload(); // still offline
  await expect(page.getByTestId('client-recommendation').filter({ hasText: rec.title }).getByTestId('my-rating')).toContainText(
    new RegExp(`Your rating: 5/5 · Extremely useful[\\s\\S]*${escape(comment)}`),
  );

  await goOnline(page);
  await waitForUpload(page);
  // One rating document on the server, the coach's to read.
  await eventually(async () => {
    const ratings = ((await pullAll(baseURL!, coach.accessToken, 'messages')) as Message[]).filter((m) => m.targetType === 'recommendation' && m.targetId === rec.id);
    expect(ratings).toEqual([expect.objectContaining({ id: ratingId(rec.id), kind: 'comment', authorId: client.user.id, rating: 5, body: comment })]);
  });

  const coachPage = await (await browser.newContext()).newPage();
  await signIn(coachPage, 'coach@demo.test');
  await coachPage.goto(`/coach/clients/${client.user.id}/recommendations`);
  const reviewed = coachPage.getByTestId('approved-recommendation').filter({ hasText: rec.title });
  await expect(reviewed.getByTestId('client-rating')).toHaveText(new RegExp(`^Client's rating: 5/5 \\(Extremely useful\\): ${escape(comment)}$`));
});
