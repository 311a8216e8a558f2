import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { message } from '@spotter/shared/fixtures.ts';
import { createDevice } from '@spotter/web/lib/data/device.ts';
import { internals } from '@spotter/web/lib/data/internals.ts';
import { memorySessionStore } from '@spotter/web/lib/data/session-store.ts';
import { indexedDbStorage } from '@spotter/web/lib/data/storage.ts';
import { postJson } from '@spotter/sim/faults/cut-proxy.ts';
import { ServerProcess } from '@spotter/sim/server-process.ts';
import { messageIds as messageIdsOf, messageRow } from './message-rows.ts';
import { login } from '@spotter/sim/server-view.ts';

/**
 * The server's disk write failing (docs/DESIGN.md "Nothing is lost"). The server runs as a child process whose files may
 * not grow past 40 KiB (RLIMIT_FSIZE — room for SQLite's 32 KiB shared-memory file; its
 * write-ahead log cannot grow): every write of any size fails as on a full disk, while reads
 * keep working. A push must be refused with a clear 503, nothing half-written, and the
 * device — the real data layer — must keep its changes and deliver them once the disk is back.
 */
let server: ServerProcess;
let coach: { token: string; id: string };
let clientId: string;
const FULL_DISK = { fileSizeLimitKb: 40 };

const now = () => new Date().toISOString();
const row = (id: string, body: string) => messageRow(coach, clientId, id, body);
const messageIds = (prefix: string) => messageIdsOf(server.url, coach.token, prefix);

/** Restart with a clean close first, so the write-ahead log starts empty under the limit. */
async function restart(opts = {}) {
  await server.terminate();
  await server.start(opts);
}

beforeAll(async () => {
  server = await ServerProcess.start();
  const c = await login(server.url, 'coach@demo.test');
  coach = { token: c.accessToken, id: c.user.id };
  clientId = (await login(server.url, 'client@demo.test')).user.id;
});
afterAll(async () => {
  await server?.stop();
  if (server) rmSync(dirname(server.dbPath), { recursive: true, force: true });
});

// Each test restarts the server process once or twice (seconds each on two loaded cores).
describe('the server cannot write to its disk', { timeout: 120_000 }, () => {
  it('refuses a push with a clear 503, writes none of it, and takes the retry once the disk is back', async () => {
    await restart(FULL_DISK);
    const rows = Array.from({ length: 200 }, (_, i) => row(`disk-${String(i).padStart(3, '0')}`, `message ${i} `.repeat(20)));
    const refused = await postJson(server.url, '/api/sync/messages/push', coach.token, rows);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: expect.any(String), message: expect.stringMatching(/sav|stor|disk/i) });
    expect(await messageIds('disk-')).toEqual([]); // reads still work; nothing half-written
    await restart();
    expect(await messageIds('disk-')).toEqual([]);
    expect(await postJson(server.url, '/api/sync/messages/push', coach.token, rows)).toEqual({ status: 200, body: [] });
    expect(await messageIds('disk-')).toHaveLength(200);
  });

  it('leaves the device its changes, pending, until the server can write again', async () => {
    const device = await createDevice({
      baseUrl: server.url,
      storage: indexedDbStorage({ indexedDB: new IDBFactory(), IDBKeyRange }),
      name: 'disk-fault',
      sessions: memorySessionStore(),
      retryTime: 200,
    });
    try {
      await device.signIn('coach@demo.test', 'spotter-demo'); // signing in writes a refresh token
      await device.awaitInSync();
      await restart(FULL_DISK);
      // Written while sync is paused, so they leave in one push too large for the disk left.
      await device.stopSync();
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) {
        const doc = message({ id: device.commands.newId(), authorId: coach.id, coachId: coach.id, clientId, body: `offline-proof ${i} `.repeat(60), createdAt: now(), updatedAt: now() });
        await device.commands.saveMessage(doc);
        ids.push(doc.id);
      }
      device.startSync();
      // Give the device several failed push attempts (retryTime 200 ms).
      await new Promise((r) => setTimeout(r, 1500));
      expect(device.syncState$.value.pending).toBe(60);
      expect((await internals(device).store.all('messages')).filter((m) => ids.includes(m.id))).toHaveLength(60);
      const onServer = async () => (await messageIds('')).filter((id) => ids.includes(id));
      expect(await onServer()).toEqual([]);
      await restart();
      await device.awaitInSync();
      const deadline = Date.now() + 20_000;
      while (device.syncState$.value.pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(device.syncState$.value.pending).toBe(0);
      expect((await onServer()).sort()).toEqual([...ids].sort());
    } finally {
      await device.close();
    }
  });
});
