import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { goOffline, signIn } from './fixtures.ts';

// "Download my data" (docs/DESIGN.md "Export") on a phone: online the server's export, offline
// the copy the device holds, which says so on the page and in the file. The card online is
// checked by axe on the coach's page (and every account page by a11y.test.ts); offline here.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
test.use({ viewport: { width: 390, height: 844 } });

async function accessible(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 390, height: 844 });
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const card = page.getByTestId('export-card');
  const [file] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test("a client downloads their sets online, and the device's copy offline", async ({ page }) => {
  await signIn(page, 'client@demo.test');
  await page.goto('/client/account');
  const card = page.getByTestId('export-card');
  await expect(card.getByRole('heading', { name: 'Download my data' })).toBeVisible();

  const zip = await download(page, 'Spreadsheets (ZIP)');
  expect(zip.name).toMatch(/^spotter-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(zip.bytes));
  const sets = strFromU8(files['sets.csv']!).trim().split('\n');
  expect(sets[0]).toBe('date,session_id,session_title,exercise_id,exercise_name,set_number,warmup,done,reps,load,load_unit,seconds,distance_m,rpe,target_reps,target_weight,logged_at');
  expect(sets.length).toBeGreaterThan(10);
  expect(JSON.parse(strFromU8(files['manifest.json']!)).source).toBe('server');
  await expect(card.getByTestId('export-saved')).toContainText('server holds');

  await goOffline(page);
  await page.reload();
  await expect(card.getByTestId('export-device-copy')).toContainText('the copy this device holds');
  const json = await download(page, 'JSON file');
  expect(json.name).toMatch(/^spotter-export-device-copy-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(json.bytes.toString('utf8'));
  expect(doc.export).toMatchObject({ source: 'device', person: { role: 'client' } });
  expect(doc.export.note).toContain('this device holds');
  expect(doc.logs.length).toBeGreaterThan(3);
  expect(new Set(doc.logs.map((l: { clientId: string }) => l.clientId)).size).toBe(1);
  await expect(card.getByTestId('export-saved')).toContainText('the copy this device holds');
  const offlineZip = unzipSync(new Uint8Array((await download(page, 'Spreadsheets (ZIP)')).bytes));
  expect(strFromU8(offlineZip['sets.csv']!).trim().split('\n').length).toBe(sets.length);
  await accessible(page);
});

test('a coach downloads one client', async ({ page }) => {
  await signIn(page, 'coach@demo.test');
  await page.goto('/coach/account');
  const card = page.getByTestId('export-card');
  await card.getByLabel('Whose data').selectOption({ label: 'Jamie Client' });
  const json = await download(page, 'JSON file');
  const doc = JSON.parse(json.bytes.toString('utf8'));
  expect(doc.export).toMatchObject({ source: 'server', person: { role: 'coach' } });
  expect(doc.logs.length).toBeGreaterThan(3);
  expect(new Set(doc.logs.map((l: { clientId: string }) => l.clientId))).toEqual(new Set([doc.export.clientId]));
  await accessible(page);
});
