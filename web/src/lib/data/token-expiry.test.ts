import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { Api } from './api.ts';
import { memorySessionStore } from './session-store.ts';

// Only a refused refresh means "sign in again" (docs/DESIGN.md "Identity"). An access token
// that expires on its way to the server (a slow network, a busy server) is refreshed and the
// call retried; the person is never sent to the sign-in page for it. Found by the simulation:
// a device under load (access tokens of 2 s) reported "needs sign-in" with a valid session.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ accessTokenTtl: 1 });
});
afterAll(() => server?.close());

describe('an access token that expires on its way', () => {
  it('is refreshed and the call retried, without asking for sign-in', { timeout: 20_000 }, async () => {
    let slow = 2;
    // The first two sync calls take longer than the token lives (the token is minted fresh
    // by a refresh just before each, so only the delay makes it expire).
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (String(input).includes('/api/sync/') && slow > 0) {
        slow -= 1;
        await new Promise((r) => setTimeout(r, 2100));
      }
      return globalThis.fetch(input, init);
    };
    const signInNeeded: string[] = [];
    const sessions = memorySessionStore();
    const api = new Api({ baseUrl: server.url, fetch, sessions, onSignInNeeded: () => signInNeeded.push('sign-in needed') });
    await api.login('coach@demo.test', 'spotter-demo');
    const page = await api.authed<{ documents: unknown[] }>('/api/sync/exercises/pull', { checkpoint: null, batchSize: 5 });
    expect(page.documents.length).toBeGreaterThan(0);
    expect(signInNeeded).toEqual([]);
    expect(slow).toBe(0);
  });
});
