import { expect, type Locator, type Page } from '@playwright/test';
import { sessionDays } from '@spotter/sync-server/demo/schedule.ts';

/**
 * Helpers of the client-logging browser tests. The server is checked through the
 * sync pull endpoint itself: what another device would receive is the truth to assert.
 */
export async function pullAll(baseURL: string, token: string, collection: string): Promise<any[]> {
  const docs = new Map<string, any>();
  let checkpoint: unknown = null;
  for (;;) {
    const res = await fetch(`${baseURL}/api/sync/${collection}/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ checkpoint, batchSize: 500 }),
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { documents: any[]; checkpoint: unknown };
    for (const d of page.documents) docs.set(d.id, d);
    if (page.documents.length < 500) break;
    checkpoint = page.checkpoint;
  }
  return [...docs.values()].filter((d) => !d._deleted);
}

/**
 * The signed-in client's published demo session `offset` days from the day the server seeded
 * its demo data, with no log yet. It is found by its seeded title number ("Upper body 8":
 * sync-server/src/demo/schedule.ts), not by today's date, so a run that crosses midnight still
 * finds the session it means; sessions other test files publish for the same client while
 * running in parallel (e.g. "E2E Upper A") are theirs to touch, not ours.
 */
export async function unloggedDemoSession(baseURL: string, token: string, offset: number): Promise<any> {
  const number = sessionDays.indexOf(offset) + 1;
  expect(number, `the demo seed has a session ${offset} days from its today`).toBeGreaterThan(0);
  const logs = await pullAll(baseURL, token, 'logs');
  const session = (await pullAll(baseURL, token, 'sessions')).find(
    (s) => s.status === 'published' && s.planId === null && new RegExp(`^(Lower|Upper|Full) body ${number}$`).test(s.title) && !logs.some((l) => l.sessionId === s.id),
  );
  expect(session, `demo data has an unlogged published session ${offset} days from its today`).toBeTruthy();
  return session;
}

export const exerciseItem = (page: Page, name: string): Locator => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^\\d+\\. ${escape(name)}$`) }) });

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Typed {
  sets: string;
  reps: string;
  weight: string;
  results: string;
  notes: string;
  difficulty: string;
}

/**
 * Opens an exercise's log form; with `typed`, logs that many sets of those reps and load
 * (removing or adding sets to match, a row per set) and the entry's text; then "Save log",
 * which marks every listed set done.
 */
export async function logExercise(page: Page, name: string, typed?: Typed): Promise<void> {
  const item = exerciseItem(page, name);
  await item.getByRole('button', { name: new RegExp(`^(Log|Edit log): ${escape(name)}$`) }).click();
  const form = item.getByRole('form', { name: `Log ${name}` });
  if (typed) {
    const rows = form.getByTestId('set-row');
    const want = Number(typed.sets);
    for (let n = await rows.count(); n > want; n--) {
      await form.getByRole('button', { name: `Remove Set ${n}`, exact: true }).click();
      await expect(rows).toHaveCount(n - 1);
    }
    for (let n = await rows.count(); n < want; n++) {
      await form.getByRole('button', { name: 'Add set', exact: true }).click();
      await expect(rows).toHaveCount(n + 1);
    }
    for (let i = 1; i <= want; i++) {
      await form.getByLabel(`Reps, Set ${i}`, { exact: true }).fill(typed.reps);
      await form.getByLabel(new RegExp(`^(Load|Added) \\((kg|lb)\\), Set ${i}$`)).fill(typed.weight);
    }
    await form.getByLabel('Results').fill(typed.results);
    await form.getByLabel('Notes').fill(typed.notes);
    await form.getByLabel('Difficulty').selectOption(typed.difficulty);
  }
  await form.getByRole('button', { name: 'Save log' }).click();
  await expect(item.getByTestId('logged')).toBeVisible();
}

/** Waits until `check` passes against the server (sync is asynchronous by design). */
export async function eventually(check: () => Promise<void>, timeout = 30_000): Promise<void> {
  await expect(check).toPass({ timeout });
}
