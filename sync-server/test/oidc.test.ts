import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, loginResponseSchema } from '@spotter/shared';
import { REFRESH_COOKIE } from '../src/auth/routes.ts';
import { browserJar } from './browser-jar.ts';
import { startTestIdp, type TestIdp } from './idp.ts';
import { logCapture } from './log-capture.ts';
import { startTestServer, type TestServer } from './helper.ts';

// docs/DESIGN.md "Sign in with an identity provider": the whole redirect flow against a real
// OpenID Connect provider (test/idp.ts) and the real server, as a browser would follow it.

let idp: TestIdp;
let s: TestServer;
const log = logCapture();

beforeAll(async () => {
  idp = await startTestIdp();
  const down = { ...(await startTestIdp()).provider('down') };
  down.issuer = new URL('http://127.0.0.1:9'); // nothing listens there
  s = await startTestServer({ oidc: [idp.provider('testidp'), down], logStream: log.stream });
  idp.allow(`${s.url}/api/auth/oidc/testidp/callback`);
});
afterAll(async () => {
  await s?.close();
  await idp?.close();
});

/** Starts a sign-in in `browser` and signs in at the provider as `email`: the provider's answer, not yet followed. */
async function atProvider(browser: ReturnType<typeof browserJar>, email: string): Promise<URL> {
  const { res, url } = await browser.follow(`${s.url}/api/auth/oidc/testidp/start`);
  expect(url.origin).toBe(idp.issuer);
  expect(await res.text()).toContain('Sign in to Test ID');
  let answer = await browser.request(url.href, { method: 'POST', form: { email } });
  let at = url;
  // Through the provider's own redirects, up to the one that leaves for Spotter's callback.
  while (answer.status >= 300 && answer.status < 400) {
    at = new URL(answer.headers.get('location')!, at);
    if (at.origin !== idp.issuer) return at;
    answer = await browser.request(at.href);
  }
  throw new Error(`the provider did not send the browser back: ${answer.status} ${await answer.text()}`);
}

async function refreshWith(browser: ReturnType<typeof browserJar>) {
  const cookie = browser.cookie(s.url, REFRESH_COOKIE);
  const res = await fetch(`${s.url}/api/auth/refresh`, { method: 'POST', headers: { [CSRF_HEADER]: '1', cookie: `${REFRESH_COOKIE}=${cookie}` } });
  return { status: res.status, body: await res.json() };
}

describe('sign in with an identity provider', () => {
  it('lists the configured providers', async () => {
    const res = await s.api(null, 'GET', '/api/auth/oidc');
    expect(res.body).toEqual({ providers: [{ id: 'testidp', label: 'Test ID' }, { id: 'down', label: 'Test ID' }] });
  });

  it('signs a person in whose verified email has an account: the session cookie is set and refreshes to them', async () => {
    const browser = browserJar();
    const callback = await atProvider(browser, 'Coach@Demo.test');
    expect(callback.pathname).toBe('/api/auth/oidc/testidp/callback');
    const back = await browser.request(callback.href);
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/?signin=provider');
    const refreshed = await refreshWith(browser);
    expect(refreshed.status).toBe(200);
    expect(loginResponseSchema.parse(refreshed.body).user.email).toBe('coach@demo.test');
    expect(log.events('provider_sign_in').at(-1)).toMatchObject({ provider: 'testidp', userId: refreshed.body.user.id });
    // The same answer again (a replay, the back button): the flow was spent.
    const again = await browser.request(callback.href);
    expect(again.headers.get('location')).toBe('/?signin-error=expired');
  });

  it('refuses an email the provider has not verified, and one without an account; no session either way', async () => {
    for (const [email, reason] of [['unverified+client@demo.test', 'unverified'], ['nobody@demo.test', 'no-account']] as const) {
      const browser = browserJar();
      const back = await browser.request((await atProvider(browser, email)).href);
      expect(back.headers.get('location')).toBe(`/?signin-error=${reason}`);
      expect(browser.cookie(s.url, REFRESH_COOKIE)).toBeNull();
      expect(log.events('provider_sign_in_refused').at(-1)).toMatchObject({ provider: 'testidp', reason });
    }
  });

  it('refuses an answer carried to another browser (login CSRF) and one whose state was changed', async () => {
    const attacker = browserJar();
    const callback = await atProvider(attacker, 'coach@demo.test');
    const victim = browserJar();
    const carried = await victim.request(callback.href);
    expect(carried.headers.get('location')).toBe('/?signin-error=expired');
    expect(victim.cookie(s.url, REFRESH_COOKIE)).toBeNull();

    const browser = browserJar();
    const forged = await atProvider(browser, 'coach@demo.test');
    forged.searchParams.set('state', 'x'.repeat(43));
    const back = await browser.request(forged.href);
    expect(back.headers.get('location')).toBe('/?signin-error=provider');
    expect(browser.cookie(s.url, REFRESH_COOKIE)).toBeNull();
  });

  it('says so when the provider cannot be reached, and 404s an unknown provider', async () => {
    const browser = browserJar();
    const start = await browser.request(`${s.url}/api/auth/oidc/down/start`);
    expect(start.headers.get('location')).toBe('/?signin-error=unavailable');
    expect((await browser.request(`${s.url}/api/auth/oidc/nope/start`)).status).toBe(404);
    expect((await browser.request(`${s.url}/api/auth/oidc/NOPE/start`)).status).toBe(400);
  });
});
