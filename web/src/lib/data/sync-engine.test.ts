import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { HybridClock, type CollectionName } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { Api } from './api.ts';
import type { LocalDatabase } from './local.ts';
import { memorySessionStore } from './session-store.ts';
import { createSyncEngine } from './sync-engine.ts';
import { SyncStateStore } from './sync-state.ts';
import { openLocal, serverDocs, until } from './test-device.ts';
import { soleOwner } from './sync-owner.ts';

// The sync engine on its own: a real local database and the real HTTP client against the real
// server, with a session saved the way sign-in saves it.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function setup(indexedDB = new IDBFactory(), email = 'client@demo.test') {
  const login = await server.login(email);
  const sessions = memorySessionStore({ user: login.user });
  // What the browser keeps from that sign-in: the refresh cookie (the access token is memory only).
  sessions.cookies!.store([`${login.cookie}; Path=/api/auth`]);
  const state = new SyncStateStore(sessions.load()!.user);
  const local = await openLocal(indexedDB, state);
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => (requests.push(String(input)), globalThis.fetch(input, init));
  const api = new Api({ baseUrl: server.url, fetch, sessions, onSignInNeeded: () => void engine.pauseForSignIn() });
  const engine = createSyncEngine({ local, api, sessions, state, clock: new HybridClock({ node: 'test' }), owner: soleOwner(), options: { retryTime: 100, pullBatchSize: 1000 } });
  await engine.restore();
  return { local, state, engine, sessions, api, requests, close: async () => (await engine.dispose(), await local.close()) };
}

const count = async (local: LocalDatabase, name: CollectionName) => (await local.db[name].find().exec()).length;

describe('the sync engine', () => {
  it('pulls every collection, reports the first sync done and remembers it across a reopen', async () => {
    const indexedDB = new IDBFactory();
    const { local, state, engine, api, close } = await setup(indexedDB);
    expect(state.value).toMatchObject({ initialSync: 0, recentSynced: false, online: false, lastSyncAt: null });
    engine.start();
    await until(() => state.value, (s) => s.initialSync === 1 && s.recentSynced && s.online);
    await engine.awaitInSync();
    const token = api.accessToken()!;
    for (const name of ['sessions', 'messages', 'people'] as const) {
      expect(await count(local, name)).toBe((await serverDocs(server.url, token, name)).filter((d) => !d._deleted).length);
    }
    expect(state.value.lastSyncAt).not.toBeNull();
    await close();

    const again = await setup(indexedDB);
    expect(again.state.value).toMatchObject({ initialSync: 1, recentSynced: true });
    await again.close();
  });

  it('marks offline at once when the network goes, and reconnects when it returns', async () => {
    const { state, engine, close } = await setup();
    engine.start();
    await until(() => state.value.online, (v) => v);
    engine.networkChanged(false);
    expect(state.value.online).toBe(false);
    engine.networkChanged(true);
    await until(() => state.value.online, (v) => v);
    await close();
  });

  it('pauses for sign-in and stays paused until someone signs in', async () => {
    const { state, engine, requests, close } = await setup();
    engine.start();
    await until(() => state.value.online, (v) => v);
    await engine.pauseForSignIn();
    expect(state.value).toMatchObject({ needsSignIn: true, online: false });
    // Opening the live stream sends its request at once; paused, neither call sends one.
    const streams = () => requests.filter((u) => u.includes('/api/sync/stream')).length;
    const before = streams();
    engine.start();
    engine.networkChanged(true);
    expect(streams()).toBe(before);
    expect(state.value.online).toBe(false);
    await close();
  });
});
