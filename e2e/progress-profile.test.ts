import { expect, test, type Page } from '@playwright/test';
import {
  addDaysTo,
  engagement,
  recommend,
  todayLocal,
  type CatalogueEntry,
  type CollectionName,
  type DocOf,
  type Exercise,
  type Message,
  type Person,
  type Recommendation,
  type SessionLog,
  type TrainingSession,
  weekStartOf,
} from '@spotter/shared';
import { draftFromRecommendation } from '@spotter/web/lib/progress/apply.ts';
import { draftWeeklySummary } from '@spotter/web/lib/progress/notes.ts';
import { newRecommendations } from '@spotter/web/lib/progress/recommendations.ts';
import { progressView } from '@spotter/web/lib/progress/view.ts';
import { weightsInText } from '@spotter/web/lib/app/format.ts';
import { api, goOffline, goOnline, signIn } from './fixtures.ts';
import { readFileSync } from 'node:fs';

// The coach, offline, opens a client's profile and sees charts whose numbers match
// the demo data (expectations computed here from the server's own documents with the same
// shared rules, never hard-coded), approves an edited recommendation and writes a shared
// note; once online, the client sees both. It uses the second demo pair (Morgan Trainer and
// Riley Member, who logs in lb while the coach reads kg) because no other browser test
// touches them, so the numbers cannot move under it when files run side by side.

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

test('offline, the coach reviews a client’s progress, approves and applies a recommendation, shares a note and a weekly summary; the client sees them', async ({ browser, baseURL }) => {
  const coachLogin = await api.login(baseURL!, 'coach2@demo.test');
  const clientLogin = await api.login(baseURL!, 'client2@demo.test');
  const clientId = clientLogin.user.id;
  const token = coachLogin.accessToken;
  const today = todayLocal();
  const [sessions, logs, exercises, people, messages, recommendations] = await Promise.all([
    pullAll(baseURL!, token, 'sessions'),
    pullAll(baseURL!, token, 'logs'),
    pullAll(baseURL!, token, 'exercises'),
    pullAll(baseURL!, token, 'people'),
    pullAll(baseURL!, token, 'messages'),
    pullAll(baseURL!, token, 'recommendations'),
  ]);
  const published = (sessions as TrainingSession[]).filter((s) => s.clientId === clientId && s.status === 'published');
  const clientLogs = (logs as SessionLog[]).filter((l) => l.clientId === clientId);
  const client = (people as Person[]).find((p) => p.id === clientId)!;
  const clientName = `${client.firstName} ${client.lastName}`;
  const units = (people as Person[]).find((p) => p.id === coachLogin.user.id)!.units;
  // Muscle balance counts the catalogue's muscles (docs/DESIGN.md "Exercise catalogue").
  const entries = JSON.parse(readFileSync(new URL('../web/src/lib/catalogue/catalogue.json', import.meta.url), 'utf8')) as CatalogueEntry[];
  const catalogue = new Map(entries.map((e) => [e.id, e]));
  const view = progressView({ sessions: published, logs: clientLogs, exercises: exercises as Exercise[], units, range: { from: null, to: null }, today, catalogue });
  const score = engagement(clientId, published, clientLogs, (messages as Message[]).filter((m) => m.clientId === clientId), today).score;
  // What the coach's device should add on opening the review, next to what the server already holds.
  const existing = (recommendations as Recommendation[]).filter((r) => r.clientId === clientId);
  const suggestions = recommend({ clientId, today, units, sessions: published, logs: clientLogs, exercises: exercises as Exercise[] });
  const fresh = newRecommendations(suggestions, new Set(existing.map((r) => r.id)), { coachId: coachLogin.user.id, clientId }, today, new Date().toISOString());
  const pendingBefore = existing.filter((r) => r.status === 'pending').length;
  const approvedBefore = existing.filter((r) => r.status === 'approved').length;
  expect(view.completion.length).toBeGreaterThan(0); // the demo data must give the test something to check
  expect(fresh.length).toBeGreaterThan(0);

  const coach = await (await browser.newContext()).newPage();
  await signIn(coach, 'coach2@demo.test');
  await expect(coach.getByRole('link', { name: `Add Training Sessions for ${clientName}` })).toBeVisible();
  await goOffline(coach);

  // From the dashboard, the client's name opens the profile with no connection.
  await coach.getByRole('link', { name: clientName, exact: true }).click();
  await expect(coach).toHaveURL(new RegExp(`/coach/clients/${clientId}$`));
  await expect(coach.getByRole('heading', { level: 1, name: clientName })).toBeVisible();
  await coach.reload(); // and from a bookmark
  await expect(coach.getByRole('heading', { level: 1, name: clientName })).toBeVisible();
  await expect(coach.getByRole('tab', { name: 'Progress' })).toHaveAttribute('aria-selected', 'true');
  await expect(coach.getByTestId('engagement-score')).toHaveText(String(score));
  await expect(coach.getByTestId('total-sessions')).toHaveText(String(view.totals.sessionsCompleted));
  await expect(coach.getByTestId('total-tonnage')).toHaveText(String(view.totals.tonnage));
  await expect(coach.getByTestId('total-prs')).toHaveText(String(view.totals.prs));
  for (const id of ['exercise', 'volume', 'completion', 'difficulty', 'balance', 'muscles']) await expect(coach.locator(`[data-chart="${id}"]`)).toHaveAttribute('data-drawn', 'true');
  for (const w of view.completion) {
    await expect(cell(coach, 'completion', 'data-week', w.weekStart)).toHaveText([w.weekStart, String(w.due), String(w.completed), String(w.onTime), w.percent === null ? '–' : `${w.percent}%`]);
  }
  expect(view.volume.length).toBeGreaterThan(0);
  for (const w of view.volume) await expect(cell(coach, 'volume', 'data-week', w.weekStart)).toHaveText([w.weekStart, String(w.tonnage)]);
  for (const b of view.balance) await expect(cell(coach, 'balance', 'data-pattern', b.pattern)).toHaveText([b.pattern, String(b.sets)]);
  const worked = view.muscles.filter((m) => m.sets > 0);
  expect(worked.length).toBeGreaterThan(0);
  for (const m of worked) await expect(cell(coach, 'muscles', 'data-muscle', m.muscle)).toHaveText([m.muscle, String(m.sets)]);
  for (const r of view.records) await expect(coach.locator(`tr[data-exercise="${r.exerciseId}"] [data-col="e1rm"]`)).toHaveText(String(r.e1rm ?? '–'));

  // The other tabs answer offline too.
  await coach.getByRole('tab', { name: 'Sessions' }).click();
  await expect(coach.getByRole('heading', { name: 'Previous' })).toBeVisible();
  await coach.getByRole('tab', { name: 'Plan' }).click();
  await expect(coach.getByRole('link', { name: 'Manage plans' })).toBeVisible();
  // Arrow keys move between them (WAI-ARIA tabs), wrapping from the last to the first.
  await coach.keyboard.press('ArrowRight');
  await expect(coach.getByRole('tab', { name: 'Progress' })).toBeFocused();
  await expect(coach.getByRole('tab', { name: 'Progress' })).toHaveAttribute('aria-selected', 'true');

  // Recommendations: generated on this device from its local copy, then one edited, approved
  // and applied to a draft in the builder.
  await coach.getByRole('link', { name: /^Recommendations/ }).click();
  const pending = coach.getByTestId('pending-recommendation');
  await expect(pending).toHaveCount(pendingBefore + fresh.length);
  const reasons = await pending.getByLabel('Reason').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  const ctx = { sessions: (sessions as TrainingSession[]).filter((s) => s.clientId === clientId), exercises: exercises as Exercise[], today, ids: { id: () => 'x', now: '' } };
  const index = reasons.findIndex((reason) => fresh.some((r) => r.reason === reason && draftFromRecommendation({ ...r, title: `E2E: ${r.title}` }, ctx)));
  expect(index, `one of the UI's suggestions is a fresh one the rules give that a draft can be built from: ${reasons.join(' | ')}`).toBeGreaterThanOrEqual(0);
  const chosen = fresh.find((r) => r.reason === reasons[index])!;
  const title = `E2E: ${chosen.title}`;
  const expectedDraft = draftFromRecommendation({ ...chosen, title }, ctx)!;
  await pending.nth(index).getByLabel('Title').fill(title);
  await pending.nth(index).getByRole('button', { name: 'Approve' }).click();
  const approved = coach.getByTestId('approved-recommendation').filter({ hasText: title });
  await expect(approved).toBeVisible();
  await expect(pending).toHaveCount(pendingBefore + fresh.length - 1);
  await approved.getByRole('button', { name: 'Apply to a draft' }).click();
  await expect(coach).toHaveURL(new RegExp(`/coach/clients/${clientId}/builder$`));
  const draft = coach.getByRole('article', { name: new RegExp(`^Draft ${expectedDraft.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} due`) });
  await expect(draft).toBeVisible();
  await expect(draft.getByRole('list', { name: 'Exercises in this session' }).getByRole('listitem')).toHaveCount(expectedDraft.exercises.length);

  // A shared trainer note.
  await coach.goto(`/coach/clients/${clientId}`);
  await coach.getByRole('link', { name: 'Notes, summaries & resources' }).click();
  await coach.getByLabel('Title').fill('E2E brace cue');
  await coach.getByLabel('Text').fill('Big breath, brace, then unrack.');
  await coach.getByLabel('Private (only you see it)').uncheck();
  await coach.getByRole('button', { name: 'Save' }).click();
  await expect(coach.getByTestId('note-note').filter({ hasText: 'E2E brace cue' })).toContainText('Shared with client');

  // Last week's summary, drafted from that week's data on the device, edited, then shared.
  const lastWeek = weekStartOf(addDaysTo(today, -7));
  const summary = draftWeeklySummary(lastWeek, { sessions: published, logs: clientLogs, exercises: exercises as Exercise[], units, today });
  await coach.getByLabel('Kind').selectOption('summary');
  await coach.getByLabel('Week of').fill(lastWeek);
  await coach.getByRole('button', { name: "Draft from the week's data" }).click();
  await expect(coach.getByLabel('Title')).toHaveValue(summary.title);
  await expect(coach.getByLabel('Text')).toHaveValue(summary.body);
  await coach.getByLabel('Text').fill(`${summary.body}\nE2E: great week, keep bracing.`);
  await coach.getByRole('button', { name: 'Save' }).click();
  await expect(coach.getByTestId('note-summary').filter({ hasText: 'E2E: great week' })).toContainText(summary.title);

  await goOnline(coach);
  // The server has exactly one approved recommendation with the edited title, and the note.
  await expect
    .poll(async () => (await pullAll(baseURL!, token, 'recommendations')).filter((r) => (r as Recommendation).title === title && (r as Recommendation).status === 'approved').length, { timeout: 20_000 })
    .toBe(1);
  await expect.poll(async () => (await pullAll(baseURL!, token, 'notes')).filter((n) => n.title === 'E2E brace cue').length, { timeout: 20_000 }).toBe(1);
  // The applied draft reached the server as a draft (the client never sees drafts).
  await expect
    .poll(async () => (await pullAll(baseURL!, token, 'sessions')).filter((x) => x.clientId === clientId && x.status === 'draft' && x.notes.startsWith(`From recommendation: ${title}`)).length, { timeout: 20_000 })
    .toBe(1);

  const clientPage = await (await browser.newContext()).newPage();
  await signIn(clientPage, 'client2@demo.test');
  await clientPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  // Riley reads loads in pounds: the coach's kilograms are converted for her (docs/DESIGN.md "Weights in the person's unit").
  const clientUnits = (people as Person[]).find((p) => p.id === clientId)!.units;
  await expect(clientPage.getByTestId('client-recommendation').filter({ hasText: weightsInText(title, clientUnits) })).toBeVisible({ timeout: 20_000 });
  await expect(clientPage.getByTestId('client-note').filter({ hasText: 'E2E brace cue' })).toContainText('Big breath, brace, then unrack.');
  await expect(clientPage.getByTestId('client-note').filter({ hasText: 'E2E: great week' })).toContainText(summary.body.split('\n')[0]!);
  // Pending and dismissed ones never reach the client: only the approved ones.
  await expect(clientPage.getByTestId('client-recommendation')).toHaveCount(approvedBefore + 1);
});
