import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Fetch } from './api.ts';
import { TestBrowser, until } from './test-device.ts';

// `onSyncError` (device.ts): a pull or push that failed reaches whoever asked, named by its
// collection (the sync simulation records them to explain a document a device missed).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('a failed pull', () => {
  it('is reported with its collection, and the sync completes once the answers are good again', async () => {
    const browser = new TestBrowser(server.url);
    const plain = browser.fetch;
    let malformed = true;
    // The sessions pull is answered with a page that is not one (a broken proxy, say).
    (browser as { fetch: Fetch }).fetch = async (input, init) => {
      if (malformed && String(input).includes('/api/sync/sessions/pull')) return new Response(JSON.stringify({ documents: 'not a list' }), { headers: { 'content-type': 'application/json' } });
      return plain(input, init);
    };
    const reported: CollectionName[] = [];
    const device = await browser.open({ onSyncError: (collection) => reported.push(collection) });
    await device.signIn('coach@demo.test', 'spotter-demo');
    await until(() => reported.length, (n) => n > 0);
    expect(new Set(reported)).toEqual(new Set(['sessions']));
    expect(device.syncState$.value.initialSync).toBeLessThan(1);

    malformed = false;
    await until(() => device.syncState$.value.initialSync, (n) => n === 1);
    await device.close();
  });
});
