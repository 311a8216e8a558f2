import { expect, test } from '@playwright/test';
import { compliance, complianceDrop, engagement, lastWorkout, nextSession, recentLateCount, todayLocal, type Message, type Person, type SessionLog, type TrainingSession } from '@spotter/shared';
import { api, signIn } from './fixtures.ts';

// The dashboard's numbers against the server's own data, read through the REST API and run
// through the shared rules: nothing here is hard-coded from the demo data.

type SessionWithLog = { session: TrainingSession; log: SessionLog | null };

async function serverView(baseURL: string, token: string, clientId: string) {
  const rows = await api.get<SessionWithLog[]>(baseURL, token, `/api/clients/${clientId}/sessions`);
  const messages = (await api.pull<Message>(baseURL, token, 'messages')).filter((m) => m.clientId === clientId);
  return { sessions: rows.map((r) => r.session), logs: rows.flatMap((r) => (r.log ? [r.log] : [])), messages };
}

test("the coach's client table shows each client's compliance, engagement, last workout, next session and drafts", async ({ page, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const clients = await api.get<{ client: Person; compliancePercent: number | null }[]>(baseURL!, coach.accessToken, '/api/clients');
  expect(clients.length).toBeGreaterThanOrEqual(2);

  await signIn(page, 'coach@demo.test');
  const today = todayLocal();
  for (const { client } of clients) {
    // Other scenarios may publish sessions meanwhile: re-read the server and the row together
    // until they agree, so this checks the rule, not a race.
    await expect(async () => {
      const { sessions, logs, messages } = await serverView(baseURL!, coach.accessToken, client.id);
      const published = sessions.filter((s) => s.status === 'published');
      const expected = {
        engagement: engagement(client.id, sessions, logs, messages, today).score,
        dropped: complianceDrop(published, logs, today).dropped,
        compliance: compliance(sessions, logs, today).percent,
        lastWorkout: lastWorkout(logs),
        next: nextSession(sessions, logs, today),
        drafts: sessions.filter((s: TrainingSession) => s.status !== 'published' && s.coachId === coach.user.id).length,
        late: recentLateCount(sessions, logs, today),
      };
      const row = page.locator(`tr[data-client-id="${client.id}"]`);
      const cell = (col: string) => row.locator(`[data-col="${col}"]`);
      const header = await row.getByRole('rowheader').innerText();
      expect(header).toContain(client.firstName);
      if (expected.late) expect(header).toContain(`${expected.late} late in 30 days`);
      else expect(header).not.toContain('late');
      expect((await cell('compliance').innerText()).trim()).toBe(expected.compliance === null ? '—' : `${expected.compliance}%`);
      if (expected.lastWorkout) expect(await cell('last-workout').locator('time').getAttribute('datetime')).toBe(expected.lastWorkout);
      else expect((await cell('last-workout').innerText()).trim()).toBe('—');
      if (expected.next) expect(await cell('next-session').locator('time').getAttribute('datetime')).toBe(expected.next.dueDate);
      else expect((await cell('next-session').innerText()).trim()).toBe('—');
      expect((await cell('drafts').innerText()).trim()).toBe(String(expected.drafts));
      expect((await cell('engagement').innerText()).trim()).toMatch(new RegExp(`^${expected.engagement}\\b`));
      expect(await row.getByTestId('compliance-drop').count()).toBe(expected.dropped ? 1 : 0);
      // The server's own summary agrees with the rule applied to its data.
      const summary = await api.get<{ compliancePercent: number | null }>(baseURL!, coach.accessToken, `/api/clients/${client.id}`);
      expect(summary.compliancePercent).toBe(expected.compliance);
    }).toPass({ timeout: 20_000 });
  }

  // Search narrows by name; the filter for late sessions keeps exactly the clients with one in
  // the last 30 days (the dashboard's rule, shared `recentLateCount`).
  const first = clients[0]!.client;
  await page.getByLabel('Search clients').fill(first.firstName);
  await expect(page.locator(`tr[data-client-id="${first.id}"]`)).toBeVisible();
  await page.getByLabel('Search clients').fill('');
  await page.getByLabel('Show').selectOption('late');
  for (const { client } of clients) {
    const rows: SessionWithLog[] = await api.get<SessionWithLog[]>(baseURL!, coach.accessToken, `/api/clients/${client.id}/sessions`);
    const late = recentLateCount(rows.map((r) => r.session), rows.flatMap((r) => (r.log ? [r.log] : [])), today) > 0;
    await expect(page.locator(`tr[data-client-id="${client.id}"]`)).toHaveCount(late ? 1 : 0);
  }

  // "Compliance dropped" keeps exactly the flagged clients; sorting by engagement puts the
  // lowest score first (ties by name), from the same server data.
  const views = new Map<string, { score: number; dropped: boolean }>();
  await expect(async () => {
    for (const { client } of clients) {
      const { sessions, logs, messages } = await serverView(baseURL!, coach.accessToken, client.id);
      views.set(client.id, {
        score: engagement(client.id, sessions, logs, messages, today).score,
        dropped: complianceDrop(sessions.filter((s) => s.status === 'published'), logs, today).dropped,
      });
    }
    await page.getByLabel('Show').selectOption('compliance-drop');
    const flagged = await page.locator('tr[data-client-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-client-id')));
    expect(flagged.sort()).toEqual(clients.filter(({ client }) => views.get(client.id)!.dropped).map(({ client }) => client.id).sort());
    await page.getByLabel('Show').selectOption('all');
    await page.getByLabel('Sort by').selectOption('engagement');
    const order = await page.locator('tr[data-client-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-client-id')));
    const name = (c: Person) => `${c.firstName} ${c.lastName}`.trim();
    const expectedOrder = [...clients]
      .sort((a, b) => views.get(a.client.id)!.score - views.get(b.client.id)!.score || name(a.client).localeCompare(name(b.client)))
      .map(({ client }) => client.id);
    expect(order).toEqual(expectedOrder);
  }).toPass({ timeout: 20_000 });

  // Each row opens that client's builder, named in the URL.
  await page.getByLabel('Show').selectOption('all');
  await page.getByRole('link', { name: `Add Training Sessions for ${first.firstName}`, exact: false }).click();
  await expect(page).toHaveURL(new RegExp(`/coach/clients/${first.id}/builder$`));
  await expect(page.getByRole('tab', { name: /Upcoming Sessions/ })).toHaveAttribute('aria-selected', 'true');
});
