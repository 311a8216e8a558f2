import { expect, test, type Page } from '@playwright/test';
import { api, signIn } from './fixtures.ts';

// The Content-Security-Policy holds the real build to its promise (SECURITY.md "Headers"):
// every page of every role renders with no CSP violation, and the server sends the headers.

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  page: string;
}

/** Records every CSP violation and CSP console error of the page, across navigations. */
async function watchPolicy(page: Page) {
  const violations: Violation[] = [];
  const problems: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: Violation) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(v: object): void }).reportCspViolation({
        directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`, page: location.pathname,
      });
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  return { violations, problems };
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main.page')).toBeVisible();
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect(page.getByText('Opening Spotter…')).toHaveCount(0);
}

test('the server sends the security headers; the refresh token is out of the page’s reach', async ({ page, request }) => {
  const res = await request.get('/');
  const headers = res.headers();
  const csp = headers['content-security-policy']!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'sha256-/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain('frame-src https://www.youtube-nocookie.com https://player.vimeo.com');
  // A coach's own photos and videos play from the device's copy (docs/DESIGN.md "Media storage").
  expect(csp).toContain("media-src 'self' blob:");
  expect(csp).toMatch(/img-src 'self' data: blob:/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['strict-transport-security']).toBeUndefined(); // plain http here

  await signIn(page, 'client@demo.test');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + document.cookie);
  expect(stored).toContain('client@demo.test'); // who is signed in stays, for offline starts
  expect(stored).not.toMatch(/accessToken|refreshToken|spotter_refresh|eyJ/);
});

/** Every page of each role; ids from what the demo client sees through the API. */
async function pagesOf(baseURL: string, role: 'coach' | 'client' | 'admin'): Promise<string[]> {
  if (role === 'admin') return ['/admin', '/admin/account'];
  const client = await api.login(baseURL, 'client@demo.test');
  if (role === 'coach') {
    const c = `/coach/clients/${client.user.id}`;
    return ['/coach', '/coach/exercises', '/coach/plans', c, `${c}/builder`, `${c}/messages`, `${c}/notes`, `${c}/recommendations`, '/coach/account'];
  }
  const sessions = await api.pull<{ id: string; clientId: string; status: string }>(baseURL, client.accessToken, 'sessions');
  const session = sessions.find((x) => x.clientId === client.user.id && x.status !== 'draft');
  expect(session).toBeDefined();
  return ['/client', '/client/messages', '/client/plan', '/client/progress', `/client/sessions/${session!.id}`, '/client/account'];
}

for (const role of ['coach', 'client', 'admin'] as const) {
  test(`every page of the ${role} renders without a CSP violation`, async ({ page, baseURL }) => {
    test.setTimeout(180_000); // a sign-in and up to eight full page loads
    const pages = await pagesOf(baseURL!, role);
    const { violations, problems } = await watchPolicy(page);
    await signIn(page, `${role}@demo.test`);
    for (const path of pages) await visit(page, path);
    expect(violations, JSON.stringify(violations)).toEqual([]);
    expect(problems).toEqual([]);
  });
}
