import { expect, test } from '@playwright/test';
import { compliance, lastWorkout, nextSession, todayLocal, type Person, type SessionLog, type TrainingSession } from '@spotter/shared';
import { api, signIn } from './fixtures.ts';

// The dashboard's numbers against the server's own data, read through the REST API and run
// through the shared rules: nothing here is hard-coded from the demo data.

type SessionWithLog = { session: TrainingSession; log: SessionLog | null };

test("the coach's client table shows each client's compliance, last workout, next session and drafts", async ({ page, baseURL }) => {
  const coach = await api.login(baseURL!, 'coach@demo.test');
  const clients = await api.get<{ client: Person; compliancePercent: number | null }[]>(baseURL!, coach.accessToken, '/api/clients');
  expect(clients.length).toBeGreaterThanOrEqual(2);

  await signIn(page, 'coach@demo.test');
  const today = todayLocal();
  for (const { client } of clients) {
    // Other scenarios may publish sessions meanwhile: re-read the server and the row together
    // until they agree, so this checks the rule, not a race.
    await expect(async () => {
      const rows: SessionWithLog[] = await api.get<SessionWithLog[]>(baseURL!, coach.accessToken, `/api/clients/${client.id}/sessions`);
      const sessions = rows.map((r) => r.session);
      const logs = rows.flatMap((r) => (r.log ? [r.log] : []));
      const expected = {
        compliance: compliance(sessions, logs, today).percent,
        lastWorkout: lastWorkout(logs),
        next: nextSession(sessions, logs, today),
        drafts: sessions.filter((s: TrainingSession) => s.status !== 'published' && s.coachId === coach.user.id).length,
      };
      const row = page.locator(`tr[data-client-id="${client.id}"]`);
      const cell = (col: string) => row.locator(`[data-col="${col}"]`);
      expect(await row.getByRole('rowheader').innerText()).toContain(client.firstName);
      expect((await cell('compliance').innerText()).trim()).toBe(expected.compliance === null ? '—' : `${expected.compliance}%`);
      if (expected.lastWorkout) expect(await cell('last-workout').locator('time').getAttribute('datetime')).toBe(expected.lastWorkout);
      else expect((await cell('last-workout').innerText()).trim()).toBe('—');
      if (expected.next) expect(await cell('next-session').locator('time').getAttribute('datetime')).toBe(expected.next.dueDate);
      else expect((await cell('next-session').innerText()).trim()).toBe('—');
      expect((await cell('drafts').innerText()).trim()).toBe(String(expected.drafts));
      // The server's own summary agrees with the rule applied to its data.
      const summary = await api.get<{ compliancePercent: number | null }>(baseURL!, coach.accessToken, `/api/clients/${client.id}`);
      expect(summary.compliancePercent).toBe(expected.compliance);
    }).toPass({ timeout: 20_000 });
  }

  // Search narrows by name; the filter for late sessions keeps exactly the clients with one.
  const first = clients[0]!.client;
  await page.getByLabel('Search clients').fill(first.firstName);
  await expect(page.locator(`tr[data-client-id="${first.id}"]`)).toBeVisible();
  await page.getByLabel('Search clients').fill('');
  await page.getByLabel('Show').selectOption('late');
  for (const { client } of clients) {
    const rows: SessionWithLog[] = await api.get<SessionWithLog[]>(baseURL!, coach.accessToken, `/api/clients/${client.id}/sessions`);
    const late = rows.some(({ session: s, log }) => s.status === 'published' && s.dueDate < today && !log?.completedAt);
    await expect(page.locator(`tr[data-client-id="${client.id}"]`)).toHaveCount(late ? 1 : 0);
  }

  // Each row opens that client's builder, named in the URL.
  await page.getByLabel('Show').selectOption('all');
  await page.getByRole('link', { name: `Add Training Sessions for ${first.firstName}`, exact: false }).click();
  await expect(page).toHaveURL(new RegExp(`/coach/clients/${first.id}/builder$`));
  await expect(page.getByRole('tab', { name: /Upcoming Sessions/ })).toHaveAttribute('aria-selected', 'true');
});
