import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markedRead, type Person } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { internals } from './internals.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// docs/DESIGN.md "The coach's inbox": read markers are a record on the person's own document, so
// two devices of one coach reading different conversations offline both keep theirs; the
// devices take turns (one RxDB per realm), A offline and closed while B reads and syncs.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const me = (device: Awaited<ReturnType<TestBrowser['open']>>, id: string) => internals(device).store.get('people', id) as Promise<Person | null>;

describe('read markers on two devices of one coach', () => {
  it('each device marks a different conversation read offline: both markers survive the merge', async () => {
    const a = new TestBrowser(server.url);
    let deviceA = await a.open();
    const coach = await deviceA.signIn('coach@demo.test', 'spotter-demo');
    await until(() => me(deviceA, coach.id), (p) => p !== null);

    a.setOnline(deviceA, false);
    await deviceA.commands.updatePerson(coach.id, { readUpTo: markedRead((await me(deviceA, coach.id))!.readUpTo, 'client-one', '2026-12-01T10:00:00.000Z')! });
    await deviceA.close();

    const b = new TestBrowser(server.url);
    const deviceB = await b.open();
    await deviceB.signIn('coach@demo.test', 'spotter-demo');
    await until(() => me(deviceB, coach.id), (p) => p !== null);
    await deviceB.commands.updatePerson(coach.id, { readUpTo: markedRead((await me(deviceB, coach.id))!.readUpTo, 'client-two', '2026-12-02T10:00:00.000Z')! });
    await until(() => deviceB.syncState$.value.pending, (n) => n === 0);
    await deviceB.close();

    a.online = true;
    deviceA = await a.open();
    deviceA.resumeSession();
    const both = { 'client-one': '2026-12-01T10:00:00.000Z', 'client-two': '2026-12-02T10:00:00.000Z' };
    await until(() => me(deviceA, coach.id), (p) => isDeepStrictEqual(p?.readUpTo, both));
    await until(() => deviceA.syncState$.value.pending, (n) => n === 0);
    const onServer = (await serverDocs<Person>(server.url, internals(deviceA).api.accessToken()!, 'people')).find((p) => p.id === coach.id);
    expect(onServer?.readUpTo).toEqual(both);
    await deviceA.close();
  }, 60_000);
});
