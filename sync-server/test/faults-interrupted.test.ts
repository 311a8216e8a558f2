import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '@spotter/shared/fixtures.ts';
import { CutProxy, cuts, postJson, type Cut } from '@spotter/sim/faults/cut-proxy.ts';
import { startTestServer, type TestServer } from './helper.ts';

/**
 * Faults at the edges: a push or a pull whose connection dies at any step — before
 * the request, in the middle of its body, after the commit with the answer lost, in the middle
 * of the answer — is retried by the device and lands exactly once. A real server on loopback
 * with its SQLite file; the cuts come from a TCP proxy in front of it.
 */
let server: TestServer;
let proxy: CutProxy;
let coach: { token: string; id: string };
let clientId: string;

type Doc = Record<string, any>;

async function pullSince(collection: string, checkpoint: unknown): Promise<{ documents: Doc[]; checkpoint: unknown }> {
  const all: Doc[] = [];
  let cp = checkpoint;
  for (;;) {
    const res = await postJson(server.url, `/api/sync/${collection}/pull`, coach.token, { checkpoint: cp, batchSize: 200 });
    expect(res.status).toBe(200);
    if (res.body.documents.length === 0) return { documents: all, checkpoint: cp };
    all.push(...res.body.documents);
    cp = res.body.checkpoint;
  }
}

beforeAll(async () => {
  server = await startTestServer();
  proxy = await new CutProxy(Number(new URL(server.url).port)).listen();
  const c = await server.login('coach@demo.test');
  coach = { token: c.accessToken, id: c.user.id };
  clientId = (await server.login('client@demo.test')).user.id;
});
afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

/** Sends through the proxy with the cut, then retries until a clean answer, as RxDB does. */
async function pushWithCut(collection: string, rows: unknown[], cut: Cut) {
  proxy.cutNext(cut);
  const first = await postJson(proxy.url, `/api/sync/${collection}/push`, coach.token, rows).then(
    (r) => r,
    () => null,
  );
  // 'mid-response' may still deliver a whole small answer; the others never answer.
  if (cut !== 'mid-response') expect(first).toBeNull();
  const retry = await postJson(proxy.url, `/api/sync/${collection}/push`, coach.token, rows);
  expect(retry.status).toBe(200);
  return retry.body as Doc[];
}

describe('a push cut at every step is retried and applied once', () => {
  it.each(cuts)('a new message, cut %s', async (cut) => {
    const { checkpoint } = await pullSince('messages', null);
    const doc = message({ id: `cut-msg-${cut}`, authorId: coach.id, coachId: coach.id, clientId, body: `cut ${cut}`, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
    const answer = await pushWithCut('messages', [{ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }], cut);
    expect(answer).toEqual([]);
    const after = await pullSince('messages', checkpoint);
    expect(after.documents.map((d) => d.id)).toEqual([doc.id]);
    expect(after.documents[0]).toMatchObject({ body: `cut ${cut}`, _deleted: false });
    // A third delivery of the same row changes nothing: no new sequence number at all.
    const again = await postJson(server.url, '/api/sync/messages/push', coach.token, [{ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }]);
    expect(again).toEqual({ status: 200, body: [] });
    expect((await pullSince('messages', after.checkpoint)).documents).toEqual([]);
  });

  it.each(cuts)('an edit of a published session, cut %s', async (cut) => {
    const { documents, checkpoint } = await pullSince('sessions', null);
    const published = documents.filter((d) => d.status === 'published' && !d._deleted && d.coachId === coach.id);
    const current = published[cuts.indexOf(cut) % published.length]!;
    const next = { ...current, notes: `edited, cut ${cut}`, updatedAt: new Date().toISOString() };
    const answer = await pushWithCut('sessions', [{ assumedMasterState: current, newDocumentState: next }], cut);
    expect(answer).toEqual([]);
    const after = await pullSince('sessions', checkpoint);
    expect(after.documents).toEqual([next]);
    // The stale retry RxDB might still send (assumed = the old state) is a no-op too.
    const stale = await postJson(server.url, '/api/sync/sessions/push', coach.token, [{ assumedMasterState: current, newDocumentState: next }]);
    expect(stale).toEqual({ status: 200, body: [] });
    expect((await pullSince('sessions', after.checkpoint)).documents).toEqual([]);
  });
});

describe('a pull cut at every step is retried from the same checkpoint and loses nothing', () => {
  it.each(cuts)('cut %s', async (cut) => {
    const direct = await postJson(server.url, '/api/sync/sessions/pull', coach.token, { checkpoint: null, batchSize: 50 });
    proxy.cutNext(cut);
    const first = await postJson(proxy.url, '/api/sync/sessions/pull', coach.token, { checkpoint: null, batchSize: 50 }).catch(() => null);
    expect(first).toBeNull(); // a 50-document answer is always longer than the cut
    const retry = await postJson(proxy.url, '/api/sync/sessions/pull', coach.token, { checkpoint: null, batchSize: 50 });
    expect(retry).toEqual(direct);
  });
});
