import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helper.ts';

// Security headers (SECURITY.md "Headers"). The browser test e2e/security-headers.test.ts
// checks the real build's policy page by page; here: where each header comes from and when.

const policy = "default-src 'self'; script-src 'self' 'sha256-vZBw2bdhE/OynfOxGi7zhEfA07OieW+6VgTCgPU6jBI='; style-src 'self' 'unsafe-inline'; frame-src https://www.youtube-nocookie.com";
let webRoot: string;
let direct: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'spotter-csp-'));
  writeFileSync(join(webRoot, '200.html'), `<!doctype html><meta http-equiv="content-security-policy" content="${policy}"><title>Spotter</title>`);
  direct = await startTestServer({ webRoot });
  proxied = await startTestServer({ webRoot, trustProxy: '127.0.0.1' });
});
afterAll(async () => {
  await direct?.close();
  await proxied?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const get = (s: TestServer, path: string, headers: Record<string, string> = {}) => fetch(s.url + path, { headers });

describe('security headers', () => {
  it.each(['/', '/coach/clients/x', '/api/health'])('%s: the built policy with frame-ancestors, nosniff, Referrer-Policy, X-Frame-Options', async (path) => {
    const res = await get(direct, path);
    const csp = res.headers.get('content-security-policy')!;
    for (const directive of policy.split('; ')) expect(csp).toContain(directive);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('without a built web app, nothing may load', async () => {
    const s = await startTestServer();
    try {
      expect((await get(s, '/api/health')).headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    } finally {
      await s.close();
    }
  });

  it('HSTS and Secure cookies only over https: believed from a trusted proxy, not from anyone', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect((await get(direct, '/', https)).headers.get('strict-transport-security')).toBeNull();
    expect((await get(proxied, '/')).headers.get('strict-transport-security')).toBeNull();
    expect((await get(proxied, '/', https)).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');

    const login = (s: TestServer) => s.api(null, 'POST', '/api/auth/login', { email: 'coach@demo.test', password: 'spotter-demo' }, https);
    expect((await login(proxied)).headers.getSetCookie()[0]).toMatch(/; Secure(;|$)/);
    expect((await login(direct)).headers.getSetCookie()[0]).not.toMatch(/; Secure/);
  });

  it('the API docs page gets its own policy, still never framed', async () => {
    const res = await get(direct, '/api/docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});
