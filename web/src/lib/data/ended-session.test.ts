import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETION_UNDO_MS } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { TestBrowser, until } from './test-device.ts';

// A device whose session the server ended, on the real server: once paused for a sign-in its
// data layer asks the server no more (the pages' own retries: e2e/live-sync.test.ts), and a
// deleted account's device keeps the cookie that says so, so a reload that interrupted its
// emptying is told again instead of waiting for a sign-in over the deleted person's data
// (docs/DESIGN.md "Deleting an account"; e2e/account-deletion.test.ts failed on it in CI).
let clock = new Date();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ scheduler: { now: () => clock } });
});
afterAll(() => server?.close());

const PASSWORD = 'a-long-password-for-tests';
const refreshes = (browser: TestBrowser) => browser.requests.filter((r) => r.url.endsWith('/api/auth/refresh')).length;

describe('a session the server ended', () => {
  it('a reopened device asks for sign-in once and then stops asking the server', async () => {
    const browser = new TestBrowser(server.url);
    let device = await browser.open();
    await device.signIn('client@demo.test', 'spotter-demo');
    await device.awaitInSync();
    // Signed out elsewhere: the cookie this browser holds is no longer accepted.
    expect((await server.logout(browser.sessions.cookies!.header('/api/auth/refresh'))).status).toBe(200);
    await device.close();

    // The page is opened again (a reload): the saved session starts sync, the refresh is refused.
    device = await browser.open();
    device.resumeSession();
    await until(() => device.syncState$.value, (s) => s.needsSignIn);
    const asked = refreshes(browser);
    // Ten times the retry interval (100 ms here): every replication, the live stream and the
    // media queue have had their chance to try again.
    await new Promise((r) => setTimeout(r, 1000));
    expect(refreshes(browser)).toBe(asked);
    expect(device.syncState$.value).toMatchObject({ needsSignIn: true, user: expect.objectContaining({ email: 'client@demo.test' }) });
    await device.close();
  });

  it("a deleted account's device empties itself and keeps the cookie that tells every reload so", async () => {
    const coach = await server.login('coach@demo.test');
    const email = `ended-${Date.now()}@demo.test`;
    expect((await server.api(coach.accessToken, 'POST', '/api/clients', { email, firstName: 'Ira', lastName: 'Ended', password: PASSWORD })).status).toBe(201);
    const browser = new TestBrowser(server.url);
    const device = await browser.open();
    await device.signIn(email, PASSWORD);
    await device.awaitInSync();
    const own = await server.login(email, PASSWORD);
    expect((await server.api(own.accessToken, 'POST', '/api/account/deletion', { password: PASSWORD })).status).toBe(202);
    clock = new Date(clock.getTime() + DELETION_UNDO_MS + 1000);
    await server.app.scheduler.tick();

    // The live stream is ended with the account's sessions; the device learns why and empties itself.
    await until(() => browser.sessions.load(), (s) => s === null);
    expect(browser.requests.filter((r) => r.url.endsWith('/api/auth/logout'))).toEqual([]);
    // A reload before the emptying had finished would present this cookie: it is told again.
    const again = await server.refresh(browser.sessions.cookies!.header('/api/auth/refresh'));
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'account_deleted' });
    await device.close();
  });
});
