import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Browser tests drive Debian's Chromium against the real built app served by the real sync
// server, on a fresh SQLite file with demo data. Never `npx playwright install`: it downloads
// browsers, and CHROMIUM_PATH points elsewhere on machines that have Playwright's own.
const port = Number(process.env.E2E_PORT ?? 8799);
const baseURL = `http://127.0.0.1:${port}`;
// A real OpenID Connect provider beside the server (sync-server/test/idp.ts), for "Sign in with …".
const idpPort = port + 1000;
const idp = `http://127.0.0.1:${idpPort}`;
// Only the main process starts the server; workers evaluate this file too, so make the folder lazily.
const dataDir = process.env.SPOTTER_E2E_DATA ?? (process.env.SPOTTER_E2E_DATA = mkdtempSync(join(tmpdir(), 'spotter-e2e-')));

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.test.ts',
  // Side-by-side runs (SPOTTER_BUILD variants) keep their traces apart.
  outputDir: process.env.SPOTTER_BUILD ? `test-results-${process.env.SPOTTER_BUILD}` : 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [{
    command: `"${process.execPath}" sync-server/test/idp-main.ts`,
    url: `${idp}/.well-known/openid-configuration`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { IDP_PORT: String(idpPort), IDP_REDIRECT_URI: `${baseURL}/api/auth/oidc/testidp/callback` },
  }, {
    command: `"${process.execPath}" sync-server/src/main.ts`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(dataDir, 'spotter.db'),
      DEMO_DATA: '1',
      // A deletion takes effect seconds after it is asked, not 15 minutes (e2e/account-deletion.test.ts).
      ACCOUNT_DELETION_UNDO_MS: '4000',
      // SPOTTER_BUILD=<name>: serve web/build-<name> (see web/vite.config.ts).
      ...(process.env.SPOTTER_BUILD ? { WEB_ROOT: join(import.meta.dirname, 'web', `build-${process.env.SPOTTER_BUILD}`) } : {}),
      PUBLIC_URL: baseURL,
      OIDC_PROVIDERS: 'testidp',
      OIDC_TESTIDP_ISSUER: idp,
      OIDC_TESTIDP_CLIENT_ID: 'spotter',
      OIDC_TESTIDP_CLIENT_SECRET: 'spotter-test-idp-secret',
      OIDC_TESTIDP_LABEL: 'Test ID',
      OIDC_ALLOW_HTTP: '1',
    },
  }],
});
