import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Fetch } from './api.ts';
import { internals } from './internals.ts';
import { gate, serverDocs, syncedCoach, TestBrowser, until } from './test-device.ts';

// docs/DESIGN.md "Sync" (stream): a stream that reconnects starts at the server's newest change
// and first says RESYNC, so the device pulls what changed while it was away. Found by the
// simulation (sim/README.md, seed 1784509245): while a push was running, the stream dropped and
// came back; RxDB queued the old stream's last event, the RESYNC and the new stream's first
// event together, dropped the RESYNC (rxdb 17.6 replication-protocol/downstream.js drops a RESYNC
// that follows an event in one batch), applied the new event's checkpoint, and the device never
// pulled what changed in the gap — while it said "synced".
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

/** The device's stream, readable by the test and cut on demand (like a dropped connection). */
class CuttableStreams {
  text = '';
  connections = 0;
  private cutCurrent: (() => void) | null = null;
  /** Held before the next reconnect reaches the server. */
  reconnect = gate();
  holdReconnect = false;

  wrap(plain: Fetch): Fetch {
    return async (input, init) => {
      if (!String(input).includes('/api/sync/stream')) return plain(input, init);
      this.connections += 1;
      if (this.holdReconnect) await this.reconnect.opened;
      const res = await plain(input, init);
      if (!res.body) return res;
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => {
          this.cutCurrent = () => {
            void reader.cancel();
            controller.close();
          };
        },
        pull: async (controller) => {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
          if (done) return controller.close();
          this.text += decoder.decode(value, { stream: true });
          controller.enqueue(value);
        },
      });
      return new Response(body, { status: res.status, headers: res.headers });
    };
  }

  cut(): void {
    this.cutCurrent?.();
  }
}

describe('a live stream that reconnects while a push runs', () => {
  it('still pulls what changed while it was away', async () => {
    const browser = new TestBrowser(server.url);
    const streams = new CuttableStreams();
    const plain = streams.wrap(browser.fetch);
    const pushGo = gate();
    const pushHeld = gate();
    let holdPush = false;
    (browser as { fetch: Fetch }).fetch = async (input, init) => {
      if (holdPush && String(input).includes('/sessions/push')) {
        pushHeld.open();
        await pushGo.opened;
      }
      return plain(input, init);
    };
    const { device, clientId } = await syncedCoach(server, browser);
    try {
      const coachId = device.syncState$.value.user!.id;
      const token = () => internals(device).api.accessToken()!;
      const now = new Date().toISOString();
      const draft = (title: string): TrainingSession => ({
        id: device.commands.newId(), coachId, clientId, dueDate: '2099-04-01', title, notes: '', exercises: [],
        status: 'draft', submittedAt: null, rejection: null, planId: null, createdAt: now, updatedAt: now,
      });
      const [mine, before, gap, after] = [draft('Mine'), draft('Before'), draft('Gap'), draft('After')];
      for (const d of [mine, before, gap, after]) await internals(device).store.put('sessions', d);
      await until(() => device.syncState$.value.pending, (n) => n === 0);
      await device.awaitInSync();

      // Another device of the coach renames a draft (straight to the server).
      const renameOnServer = async (id: string, title: string) => {
        const [current] = (await serverDocs<TrainingSession>(server.url, token(), 'sessions')).filter((s) => s.id === id);
        const res = await fetch(`${server.url}/api/sync/sessions/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json' },
          body: JSON.stringify([{ assumedMasterState: current, newDocumentState: { ...current, title, updatedAt: new Date().toISOString() } }]),
        });
        expect(await res.json()).toEqual([]);
      };

      // This device's push of an edit is on its way (held): RxDB holds stream events meanwhile.
      holdPush = true;
      await internals(device).store.patch('sessions', mine.id, { title: 'Mine, edited' });
      await pushHeld.opened;
      // The old stream brings one change, then drops; while it is down, another change; the
      // new stream says RESYNC and brings one more change.
      await renameOnServer(before.id, 'Before, renamed');
      await until(() => streams.text, (t) => t.includes('Before, renamed'));
      streams.holdReconnect = true;
      const connections = streams.connections;
      streams.cut();
      await until(() => streams.connections, (n) => n > connections);
      await renameOnServer(gap.id, 'Gap, renamed');
      streams.holdReconnect = false;
      const textBefore = streams.text.length;
      streams.reconnect.open();
      await until(() => streams.text.slice(textBefore), (t) => t.includes('RESYNC'));
      await renameOnServer(after.id, 'After, renamed');
      await until(() => streams.text.slice(textBefore), (t) => t.includes('After, renamed'));
      holdPush = false;
      pushGo.open();

      await until(() => device.syncState$.value.pending, (n) => n === 0);
      await device.awaitInSync();
      await until(() => internals(device).store.get('sessions', after.id), (d) => d?.title === 'After, renamed');
      expect((await internals(device).store.get('sessions', before.id))?.title).toBe('Before, renamed');
      expect((await internals(device).store.get('sessions', gap.id))?.title).toBe('Gap, renamed');
      expect((await internals(device).store.get('sessions', mine.id))?.title).toBe('Mine, edited');
    } finally {
      await device.close();
    }
  });
});
