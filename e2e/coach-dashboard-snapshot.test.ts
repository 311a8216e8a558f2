import { expect, test } from '@playwright/test';
import { goOffline, goOnline, signIn, waitForUpload } from './fixtures.ts';

// The coach's dashboard at a cold start shows the rows this device last computed while its
// queries run (docs/DESIGN.md "Offline shell"); the live answer then replaces them, so a change
// made since the rows were kept is never hidden behind them.

test('the dashboard opens offline with its rows, and a draft made just before a reload is counted', async ({ page }) => {
  await signIn(page, 'coach2@demo.test');
  const rows = page.locator('tr[data-client-id]');
  await expect(rows.first()).toBeVisible();
  await goOffline(page);
  // Offline nothing arrives from elsewhere: the numbers below change only by what this test does.
  const clientId = (await rows.first().getAttribute('data-client-id'))!;
  const drafts = page.locator(`tr[data-client-id="${clientId}"] [data-col="drafts"]`);
  const before = Number((await drafts.innerText()).trim());
  const count = await rows.count();

  await page.reload();
  await expect(rows).toHaveCount(count);
  await expect(drafts).toHaveText(String(before));

  await page.goto(`/coach/clients/${clientId}/builder`);
  await page.getByRole('button', { name: '+ Add Session' }).click();
  await expect(page.getByRole('article', { name: /^Draft Untitled due/ }).first().getByText('Draft — saved on this device')).toBeVisible();
  // Back and reloaded at once: the rows kept from before may show first; the live ones win.
  await page.goto('/coach');
  await page.reload();
  await expect(drafts).toHaveText(String(before + 1));
  await expect(rows).toHaveCount(count);

  await goOnline(page);
  await waitForUpload(page);
});
