import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samples } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { coachAndClient, push, type Who } from './wire.ts';

// The SSE fan-out must not ride inside the push (SECURITY.md "Availability"): a push answers
// before any stream pulls for it, the pushes of one turn of the event loop cost each stream one
// pull, and one user cannot hold more than a few streams open.

let s: TestServer;
let coach: Who;
let client: Who;
beforeAll(async () => {
  s = await startTestServer({ maxStreamsPerUser: 3 });
  ({ coach, client } = await coachAndClient(s));
});
afterAll(() => s?.close());

const message = (body: string) => ({ ...samples.messages(), id: crypto.randomUUID(), authorId: client.id, authorRole: 'client', coachId: coach.id, clientId: client.id, body });

/** An open stream: its events as they come, and whether the server has ended it. */
async function openStream(token: string) {
  const res = await fetch(`${s.url}/api/sync/stream?token=${token}`);
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const stream = { events: [] as any[], ended: false, closed: Promise.resolve(), cancel: () => reader.cancel() };
  stream.closed = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return void (stream.ended = true);
      for (const part of value!.split('\n\n')) if (part.startsWith('data: ')) stream.events.push(JSON.parse(part.slice(6)));
    }
  })();
  await until(() => stream.events.includes('RESYNC'));
  return stream;
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; !ok(); i++) {
    if (i > 500) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Every repo.page call a stream's pull makes, recorded with the state of the last push's answer. */
function spyOnPages() {
  let lastPush: ServerResponse | null = null;
  const onRequest = (req: { url?: string }, res: ServerResponse) => {
    if (req.url?.includes('/push')) lastPush = res;
  };
  s.app.server.prependListener('request', onRequest);
  const repo = s.app.repo;
  const original = repo.page;
  const calls: { collection: string; pushAnswered: boolean | null }[] = [];
  repo.page = (collection, ...rest) => {
    calls.push({ collection, pushAnswered: lastPush ? lastPush.writableEnded : null });
    return original.call(repo, collection, ...rest);
  };
  return {
    calls,
    restore() {
      repo.page = original;
      s.app.server.off('request', onRequest);
    },
  };
}

describe('SSE fan-out', () => {
  it('a push is answered before any stream pulls for it', async () => {
    const stream = await openStream(coach.token);
    const spy = spyOnPages();
    try {
      const sent = message('answered first');
      expect(await push(s, client.token, 'messages', [{ doc: sent }])).toEqual([]);
      await until(() => stream.events.some((e) => e.collection === 'messages' && e.documents.some((d: { id: string }) => d.id === sent.id)));
      const streamPulls = spy.calls.filter((c) => c.collection === 'messages');
      expect(streamPulls.length).toBeGreaterThan(0);
      expect(streamPulls.every((c) => c.pushAnswered === true)).toBe(true);
    } finally {
      spy.restore();
      await stream.cancel();
    }
  });

  it('changes announced in one turn of the event loop cost each stream one pull', async () => {
    const stream = await openStream(coach.token);
    const spy = spyOnPages();
    try {
      const pullsAfter = async (announcements: number) => {
        spy.calls.length = 0;
        for (let i = 0; i < announcements; i++) s.app.notifier.publish({ collections: ['messages'] });
        // The streams' flush was queued (setImmediate) before this: it has run after two turns.
        for (let turn = 0; turn < 2; turn++) await new Promise((r) => setImmediate(r));
        return spy.calls.filter((c) => c.collection === 'messages').length;
      };
      const one = await pullsAfter(1);
      expect(one).toBeGreaterThan(0);
      expect(await pullsAfter(5)).toBe(one);
    } finally {
      spy.restore();
      await stream.cancel();
    }
  });

  it('streams of one user at the same checkpoint share one pull, and each gets the change', async () => {
    const streams = [await openStream(coach.token), await openStream(coach.token), await openStream(coach.token)];
    const spy = spyOnPages();
    try {
      const sent = message('shared by the streams');
      await push(s, client.token, 'messages', [{ doc: sent }]);
      const got = (st: { events: any[] }) => st.events.some((e) => e.collection === 'messages' && e.documents.some((d: { id: string }) => d.id === sent.id));
      await until(() => streams.every(got));
      // One pull for the coach's three streams (the client has no stream open here).
      expect(spy.calls.filter((c) => c.collection === 'messages')).toHaveLength(1);
      // A stream that opened later (a newer checkpoint) pulls on its own and misses nothing.
      const later = await openStream(coach.token);
      const next = message('after the fourth opened');
      await push(s, client.token, 'messages', [{ doc: next }]);
      const gotNext = (st: { events: any[] }) => st.events.some((e) => e.collection === 'messages' && e.documents.some((d: { id: string }) => d.id === next.id));
      await until(() => [...streams.slice(1), later].every(gotNext));
      expect(later.events.some((e) => e.collection === 'messages' && e.documents.some((d: { id: string }) => d.id === sent.id))).toBe(false);
    } finally {
      spy.restore();
      for (const st of streams) await st.cancel();
    }
  });

  it('a user holds at most maxStreamsPerUser streams: opening one more closes the oldest', async () => {
    const streams: Awaited<ReturnType<typeof openStream>>[] = [];
    for (let i = 0; i < 3; i++) streams.push(await openStream(coach.token));
    const other = await openStream(client.token); // another user's streams are not counted
    const newest = await openStream(coach.token);
    await streams[0]!.closed;
    expect(streams[0]!.ended).toBe(true);
    // The rest still live: they get the next change.
    const sent = message('to the live streams');
    await push(s, client.token, 'messages', [{ doc: sent }]);
    const got = (st: { events: any[] }) => st.events.some((e) => e.collection === 'messages' && e.documents.some((d: { id: string }) => d.id === sent.id));
    await until(() => [streams[1]!, streams[2]!, newest, other].every(got));
    expect(streams.slice(1).concat(newest, other).map((st) => st.ended)).toEqual([false, false, false, false]);
    for (const st of [...streams.slice(1), newest, other]) await st.cancel();
  });
});
