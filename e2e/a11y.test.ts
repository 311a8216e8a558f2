import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { api, signIn } from './fixtures.ts';
import { mailTo, pathOf } from './mail.ts';

// Every page, for every role, at a phone and a desktop width, in both themes: no WCAG 2.0/2.1/2.2
// A or AA violation that axe can find; and no page scrolls sideways at 320 CSS px (WCAG 1.4.10
// reflow). One signed-in page per role, reused for all its pages.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [390, 1280];
const THEMES = ['light', 'dark'] as const;

/** The role's pages, found from its demo data through the UI (no ids hard-coded). */
async function pagesOf(page: Page, role: 'coach' | 'client' | 'admin'): Promise<string[]> {
  if (role === 'admin') return ['/admin', '/admin/account'];
  if (role === 'client') {
    await page.goto('/client');
    const session = await page.locator('a[href^="/client/sessions/"]').first().getAttribute('href');
    return ['/client', session!, '/client/plan', '/client/progress', '/client/messages', '/client/reminders', '/client/import', '/client/account'];
  }
  await page.goto('/coach');
  const id = await page.locator('[data-client-id]').first().getAttribute('data-client-id');
  const c = `/coach/clients/${id}`;
  return ['/coach', '/coach/inbox', '/coach/exercises', '/coach/plans', '/coach/reminders', c, `${c}/builder`, `${c}/notes`, `${c}/messages`, `${c}/recommendations`, `${c}/import`, '/coach/account'];
}

/** The page has drawn its local data: no skeleton or busy region left. */
async function settled(page: Page) {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('.skeleton, [aria-busy="true"]')).toHaveCount(0);
}

async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function checkThemes(page: Page, paths: string[], theme: (typeof THEMES)[number]) {
  const found: string[] = [];
  await page.evaluate((t) => localStorage.setItem('spotter-theme', t), theme);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of paths) {
      await page.goto(path);
      await settled(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      found.push(...(await violations(page, `${path} at ${width} px, ${theme}`)));
    }
  }
  expect(found).toEqual([]);
}

async function checkReflow(page: Page, paths: string[]) {
  const found: string[] = [];
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of paths) {
    await page.goto(path);
    await settled(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) found.push(`${path}: ${width} px wide at 320 px`);
  }
  expect(found).toEqual([]);
}

test.describe('the pages opened without signing in', () => {
  // Sign-in, "forgot password", and the links from emails: a real invitation (from the dev
  // outbox), a reset and an email confirmation (their forms show before the server is asked).
  test.describe.configure({ mode: 'serial' });
  let paths: string[];
  test.beforeAll(async ({ baseURL }) => {
    const email = `e2e-a11y-${Date.now()}@demo.test`;
    const coach = await api.login(baseURL!, 'coach@demo.test');
    await api.post(baseURL!, coach.accessToken, '/api/invites', { role: 'client', email, firstName: 'Axe', lastName: 'Checked' });
    const invite = await mailTo(email, /invites you to Spotter/);
    const shaped = `0190f0f0-0000-7000-8000-000000000000.${'A'.repeat(43)}`;
    paths = ['/', '/forgot-password', pathOf(invite.link), `/reset-password#${shaped}`, `/confirm-email#${shaped}`];
  });
  for (const theme of THEMES) {
    test(`have no accessibility violations (${theme})`, async ({ page }) => {
      await page.goto('/');
      await checkThemes(page, paths, theme);
    });
  }
  test('fit 320 px', async ({ page }) => {
    await page.goto('/');
    await checkReflow(page, paths);
  });
});

for (const role of ['coach', 'client', 'admin'] as const) {
  test.describe(`every ${role} page`, () => {
    // One signed-in page per role, shared by its checks (signing in and the first sync are the slow part).
    test.describe.configure({ mode: 'serial', timeout: 300_000 });
    let page: Page;
    let paths: string[];
    test.beforeAll(async ({ browser }) => {
      page = await (await browser.newContext()).newPage();
      await signIn(page, `${role}@demo.test`);
      paths = await pagesOf(page, role);
    });
    test.afterAll(async () => page.context().close());
    for (const theme of THEMES) test(`has no accessibility violations at 390 and 1280 px (${theme})`, async () => checkThemes(page, paths, theme));
    test('fits 320 px without scrolling sideways', async () => checkReflow(page, paths));
  });
}
