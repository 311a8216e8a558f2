import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, collectionNames, RECENT_FIRST_DAYS, recentFirstCollections, todayLocal, type CollectionName } from '@spotter/shared';
import { message } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { seedYear } from '@spotter/sync-server/testing/history.ts';
import type { Device, SyncState } from './device.ts';
import { internals } from './internals.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// A coach's fresh device (real RxDB on fake-indexeddb) against the real server holding a year of
// shuffled history: the first sync brings the recent weeks first (the server's phases), says so
// (`recentSynced`) while older history still downloads, and ends with exactly the server's
// documents — also when the device is closed in the middle and opened again. Small pages (5)
// so the phases span many of them. One device at a time (RxDB's 13-collection limit).
let server: TestServer;
let coachToken: string;
const since = addDaysTo(todayLocal(), -RECENT_FIRST_DAYS);
const PAGE = 5;

beforeAll(async () => {
  server = await startTestServer();
  const [coach, client, client3] = await Promise.all(['coach@demo.test', 'client@demo.test', 'client3@demo.test'].map((e) => server.login(e)));
  coachToken = coach!.accessToken;
  await seedYear(server.app.repo, [[coach!.user.id, client!.user.id], [coach!.user.id, client3!.user.id]], { sessions: 90, messages: 60 });
});
afterAll(() => server?.close());

type Doc = Record<string, unknown> & { id: string };
/** Every live document of the device, by collection: id → document as JSON. */
async function deviceDocs(device: Device, name: CollectionName): Promise<Map<string, Doc>> {
  const docs = (await (internals(device).db()[name] as any).find().exec()) as { toMutableJSON(): Doc }[];
  return new Map(docs.map((d) => {
    const { _deleted, _meta, _rev, _attachments, ...doc } = d.toMutableJSON() as Doc;
    return [doc.id, doc];
  }));
}
async function serverLive(name: CollectionName): Promise<Map<string, Doc>> {
  const docs = (await serverDocs<Doc>(server.url, coachToken, name)).filter((d) => !d._deleted);
  return new Map(docs.map(({ _deleted, ...d }) => [d.id, d as Doc]));
}
/** The server's rows of the recent window, as the server's first phase dates them. */
function recentIds(name: (typeof recentFirstCollections)[number], docs: Map<string, Doc>, sessions: Map<string, Doc>): string[] {
  const dated = (d: Doc) =>
    name === 'sessions' ? String(d.dueDate) : name === 'messages' ? String(d.createdAt) : String(sessions.get(String(d.sessionId))?.dueDate ?? '');
  return [...docs.values()].filter((d) => dated(d) >= since).map((d) => d.id);
}
async function expectExactlyTheServers(device: Device): Promise<void> {
  for (const name of collectionNames) expect(await deviceDocs(device, name), name).toEqual(await serverLive(name));
}

describe('a first sync', () => {
  it('has the recent weeks before the history, says so while history still comes, and ends with exactly the server\'s documents', async () => {
    const browser = new TestBrowser(server.url);
    const device = await browser.open({ pullBatchSize: PAGE });
    // The order in which documents are written on the device, per collection.
    const arrivals = new Map(recentFirstCollections.map((n) => [n, [] as string[]]));
    const subs = recentFirstCollections.map((n) => (internals(device).db()[n] as any).insert$.subscribe((e: { documentId: string }) => arrivals.get(n)!.push(e.documentId)));
    const states: SyncState[] = [];
    let atRecent: Promise<Map<CollectionName, Map<string, Doc>>> | null = null;
    const sub = device.syncState$.subscribe((s) => {
      states.push(s);
      // What the device holds the moment it says the recent weeks are in.
      if (s.recentSynced && !atRecent) atRecent = Promise.all(recentFirstCollections.map(async (n) => [n, await deviceDocs(device, n)] as const)).then((e) => new Map(e));
    });
    await device.signIn('coach@demo.test', 'spotter-demo');
    await until(() => device.syncState$.value.initialSync, (n) => n === 1);
    sub.unsubscribe();
    for (const s of subs) s.unsubscribe();

    const firstRecent = states.find((s) => s.recentSynced)!;
    expect(firstRecent.initialSync).toBeLessThan(1);
    const held = await atRecent!;
    const sessions = await serverLive('sessions');
    for (const name of recentFirstCollections) {
      const server = await serverLive(name);
      const recent = recentIds(name, server, sessions);
      expect(recent.length, name).toBeGreaterThan(PAGE);
      expect(recent.filter((id) => !held.get(name)!.has(id)), `${name}: recent rows missing when recentSynced turned true`).toEqual([]);
      // Written in that order: every recent row before any older one.
      const order = arrivals.get(name)!;
      expect(new Set(order.slice(0, recent.length)), name).toEqual(new Set(recent));
      expect(new Set(order), name).toEqual(new Set(server.keys()));
    }
    // Every page of the phased collections went out with PAGE documents asked for, recent first.
    const firstPulls = browser.requests.filter((r) => r.url.endsWith('/sessions/pull')).map((r) => JSON.parse(r.body));
    expect(firstPulls[0]).toEqual({ checkpoint: null, batchSize: PAGE });
    expect(firstPulls.some((b) => b.checkpoint?.phase === 'history')).toBe(true);

    await expectExactlyTheServers(device);
    await device.close();
  });

  it('closed in the middle of the history and opened again, carries on from its checkpoint and misses nothing written meanwhile', async () => {
    const browser = new TestBrowser(server.url);
    let device = await browser.open({ pullBatchSize: PAGE });
    await device.signIn('coach@demo.test', 'spotter-demo');
    await until(() => device.syncState$.value, (s) => s.recentSynced);
    browser.setOnline(device, false); // the history stops here
    // A message from a client while this device is away: it must arrive after the restart.
    const client = await server.login('client@demo.test');
    const now = new Date().toISOString();
    const coachId = device.syncState$.value.user!.id;
    const res = await server.api(client.accessToken, 'POST', '/api/sync/messages/push', [
      { assumedMasterState: null, newDocumentState: { ...message({ id: 'msg-while-away', coachId, clientId: client.user.id, authorId: client.user.id, authorRole: 'client', createdAt: now, updatedAt: now }), _deleted: false } },
    ]);
    expect(res.body).toEqual([]);
    expect(device.syncState$.value.initialSync).toBeLessThan(1);
    await device.close();

    browser.online = true;
    const before = browser.requests.length;
    device = await browser.open({ pullBatchSize: PAGE });
    device.resumeSession();
    await until(() => device.syncState$.value.initialSync, (n) => n === 1);
    // It carried on with the phases (from its saved checkpoints), not from the start.
    const resumed = browser.requests.slice(before).filter((r) => r.url.endsWith('/sessions/pull')).map((r) => JSON.parse(r.body).checkpoint);
    expect(resumed[0]).not.toBeNull();
    expect(resumed.some((c) => c?.phase === 'history')).toBe(true);
    expect((await deviceDocs(device, 'messages')).has('msg-while-away')).toBe(true);
    await expectExactlyTheServers(device);
    await device.close();
  });
});
