import { expect, test, type Page } from '@playwright/test';
import {
  engagement,
  recommend,
  todayLocal,
  type CollectionName,
  type DocOf,
  type Exercise,
  type Message,
  type Person,
  type Recommendation,
  type SessionLog,
  type TrainingSession,
} from '@spotter/shared';
import { progressView } from '../web/src/lib/progress/view.ts';
import { api, goOffline, goOnline, signIn } from './fixtures.ts';

// Issue 9: the coach, offline, opens a client's profile and sees charts whose numbers match
// the demo data (expectations computed here from the server's own documents with the same
// shared rules, never hard-coded), approves an edited recommendation and writes a shared
// note; once online, the client sees both.

/** Everything `token`'s user may see in one collection, through the sync pull endpoint. */
async function pullAll<C extends CollectionName>(baseURL: string, token: string, collection: C): Promise<DocOf<C>[]> {
  const docs: DocOf<C>[] = [];
  let checkpoint: { seq: number } | null = null;
  for (;;) {
    const res = await fetch(`${baseURL}/api/sync/${collection}/pull`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ checkpoint, batchSize: 500 }),
    });
    expect(res.ok).toBe(true);
    const body = (await res.json()) as { documents: (DocOf<C> & { _deleted?: boolean })[]; checkpoint: { seq: number } | null };
    docs.push(...body.documents.filter((d) => !d._deleted).map(({ _deleted, ...d }) => d as DocOf<C>));
    if (body.documents.length === 0 || !body.checkpoint) return docs;
    checkpoint = body.checkpoint;
  }
}

const cell = (page: Page, chart: string, rowAttr: string, value: string) => page.locator(`[data-chart="${chart}"] tr[${rowAttr}="${value}"] td`);

test('offline, the coach reviews a client’s progress, approves a recommendation and shares a note; the client sees them', async ({ browser, baseURL }) => {
  const coachLogin = await api.login(baseURL!, 'coach@demo.test');
  const clientLogin = await api.login(baseURL!, 'client@demo.test');
  const clientId = clientLogin.user.id;
  const token = coachLogin.accessToken;
  const today = todayLocal();
  const [sessions, logs, exercises, people, messages] = await Promise.all([
    pullAll(baseURL!, token, 'sessions'),
    pullAll(baseURL!, token, 'logs'),
    pullAll(baseURL!, token, 'exercises'),
    pullAll(baseURL!, token, 'people'),
    pullAll(baseURL!, token, 'messages'),
  ]);
  const published = (sessions as TrainingSession[]).filter((s) => s.clientId === clientId && s.status === 'published');
  const clientLogs = (logs as SessionLog[]).filter((l) => l.clientId === clientId);
  const units = (people as Person[]).find((p) => p.id === coachLogin.user.id)!.units;
  const view = progressView({ sessions: published, logs: clientLogs, exercises: exercises as Exercise[], units, range: { from: null, to: null }, today });
  const score = engagement(clientId, published, clientLogs, (messages as Message[]).filter((m) => m.clientId === clientId), today).score;
  const expectedRecs = recommend({ clientId, today, units, sessions: published, logs: clientLogs, exercises: exercises as Exercise[] });
  expect(view.completion.length).toBeGreaterThan(0); // the demo data must give the test something to check
  expect(expectedRecs.length).toBeGreaterThan(0);

  const coach = await (await browser.newContext()).newPage();
  await signIn(coach, 'coach@demo.test');
  await expect(coach.getByRole('link', { name: /Add Training Sessions for/ }).first()).toBeVisible();
  await goOffline(coach);

  // The profile, from a bookmark, with no connection.
  await coach.goto(`/coach/clients/${clientId}`);
  await expect(coach.getByRole('heading', { level: 1, name: 'Jamie Client' })).toBeVisible();
  await expect(coach.getByRole('tab', { name: 'Progress' })).toHaveAttribute('aria-selected', 'true');
  await expect(coach.getByTestId('engagement-score')).toHaveText(String(score));
  await expect(coach.getByTestId('total-sessions')).toHaveText(String(view.totals.sessionsCompleted));
  await expect(coach.getByTestId('total-tonnage')).toHaveText(String(view.totals.tonnage));
  await expect(coach.getByTestId('total-prs')).toHaveText(String(view.totals.prs));
  for (const id of ['exercise', 'completion', 'difficulty', 'balance']) await expect(coach.locator(`[data-chart="${id}"]`)).toHaveAttribute('data-drawn', 'true');
  for (const w of view.completion) {
    await expect(cell(coach, 'completion', 'data-week', w.weekStart)).toHaveText([w.weekStart, String(w.due), String(w.completed), String(w.onTime), w.percent === null ? '–' : `${w.percent}%`]);
  }
  for (const b of view.balance) await expect(cell(coach, 'balance', 'data-pattern', b.pattern)).toHaveText([b.pattern, String(b.sets)]);
  for (const r of view.records) await expect(coach.locator(`tr[data-exercise="${r.exerciseId}"] [data-col="e1rm"]`)).toHaveText(String(r.e1rm ?? '–'));

  // The other tabs answer offline too.
  await coach.getByRole('tab', { name: 'Sessions' }).click();
  await expect(coach.getByRole('heading', { name: 'Previous' })).toBeVisible();
  await coach.getByRole('tab', { name: 'Plan' }).click();
  await expect(coach.getByRole('link', { name: 'Manage plans' })).toBeVisible();

  // Recommendations: generated on this device from its local copy, then one edited and approved.
  await coach.getByRole('link', { name: /^Recommendations/ }).click();
  const pending = coach.getByTestId('pending-recommendation');
  await expect(pending).toHaveCount(expectedRecs.length);
  const first = pending.first();
  const reason = await first.getByLabel('Reason').inputValue();
  const chosen = expectedRecs.find((r) => r.reason === reason);
  expect(chosen, `the UI's first suggestion is one the rules give: ${reason}`).toBeDefined();
  const title = `E2E: ${chosen!.title}`;
  await first.getByLabel('Title').fill(title);
  await first.getByRole('button', { name: 'Approve' }).click();
  await expect(coach.getByTestId('approved-recommendation').filter({ hasText: title })).toBeVisible();
  await expect(pending).toHaveCount(expectedRecs.length - 1);

  // A shared trainer note.
  await coach.getByRole('link', { name: '← Jamie Client' }).click();
  await coach.getByRole('link', { name: 'Notes, summaries & resources' }).click();
  await coach.getByLabel('Title').fill('E2E brace cue');
  await coach.getByLabel('Text').fill('Big breath, brace, then unrack.');
  await coach.getByLabel('Private (only you see it)').uncheck();
  await coach.getByRole('button', { name: 'Save' }).click();
  await expect(coach.getByTestId('note-note').filter({ hasText: 'E2E brace cue' })).toContainText('Shared with client');

  await goOnline(coach);
  // The server has exactly one approved recommendation with the edited title, and the note.
  await expect
    .poll(async () => (await pullAll(baseURL!, token, 'recommendations')).filter((r) => (r as Recommendation).title === title && (r as Recommendation).status === 'approved').length, { timeout: 20_000 })
    .toBe(1);
  await expect.poll(async () => (await pullAll(baseURL!, token, 'notes')).filter((n) => n.title === 'E2E brace cue').length, { timeout: 20_000 }).toBe(1);

  const client = await (await browser.newContext()).newPage();
  await signIn(client, 'client@demo.test');
  await client.goto('/client/progress');
  await expect(client.getByTestId('client-recommendation').filter({ hasText: title })).toBeVisible({ timeout: 20_000 });
  await expect(client.getByTestId('client-note').filter({ hasText: 'E2E brace cue' })).toContainText('Big breath, brace, then unrack.');
  // Pending and dismissed ones never reach the client.
  await expect(client.getByTestId('client-recommendation')).toHaveCount(1);
});
