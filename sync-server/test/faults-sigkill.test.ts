import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { postJson } from '@spotter/sim/faults/cut-proxy.ts';
import { ServerProcess } from '@spotter/sim/server-process.ts';
import { messageIds as messageIdsOf, messageRow } from './message-rows.ts';
import { login } from '@spotter/sim/server-view.ts';
import { createDatabase, dropDatabase } from './pg-cluster.ts';

/**
 * docs/DESIGN.md "Nothing is lost" with a real crash: the server process SIGKILLed (no shutdown hook
 * runs) right after acknowledging a push, and in the middle of a large one. An acknowledged
 * write survives the restart; a push killed mid-way is all there or not there at all, and its
 * retry lands it exactly once. In the "pg" project (vitest.config.ts) the server runs on a
 * database of its own on the project's PostgreSQL, where a transaction cut by the crash is
 * rolled back by the database.
 */
const pgAdmin = process.env.SPOTTER_TEST_STORE === 'pg' ? process.env.SPOTTER_TEST_PG : undefined;
const pgName = `spotter_sigkill_${randomBytes(6).toString('hex')}`;
let server: ServerProcess;
let coach: { token: string; id: string };
let clientId: string;

beforeAll(async () => {
  server = await ServerProcess.start({ env: pgAdmin ? { DATABASE_URL: await createDatabase(pgAdmin, pgName) } : {} });
  const c = await login(server.url, 'coach@demo.test');
  coach = { token: c.accessToken, id: c.user.id };
  clientId = (await login(server.url, 'client@demo.test')).user.id;
});
afterAll(async () => {
  await server?.stop();
  if (server) rmSync(dirname(server.dbPath), { recursive: true, force: true });
  if (pgAdmin) await dropDatabase(pgAdmin, pgName);
});

const row = (id: string, body: string) => messageRow(coach, clientId, id, body);
const messageIds = (prefix: string) => messageIdsOf(server.url, coach.token, prefix);

describe('the server killed with SIGKILL', () => {
  it('keeps a push it acknowledged just before dying (tokens too)', async () => {
    expect(server.output).toContain(pgAdmin ? 'database: PostgreSQL' : `database: ${server.dbPath}`);
    const res = await postJson(server.url, '/api/sync/messages/push', coach.token, [row('kill-ack-1', 'acknowledged then killed')]);
    expect(res).toEqual({ status: 200, body: [] });
    await server.kill();
    await server.start();
    expect(await messageIds('kill-ack-')).toEqual(['kill-ack-1']);
  });

  it.each([0, 10, 30])('mid-push (killed %i ms after sending 400 rows): all or nothing, then the retry lands once', async (delayMs) => {
    const prefix = `kill-mid-${delayMs}-`;
    const rows = Array.from({ length: 400 }, (_, i) => row(`${prefix}${String(i).padStart(3, '0')}`, `row ${i} of a push killed after ${delayMs} ms`));
    const sent = postJson(server.url, '/api/sync/messages/push', coach.token, rows).catch(() => null);
    await new Promise((r) => setTimeout(r, delayMs));
    await server.kill();
    const answer = await sent;
    await server.start();
    const landed = await messageIds(prefix);
    // An answered push is all there; an unanswered one is all there or none of it.
    if (answer?.status === 200) expect(landed).toHaveLength(400);
    else expect([0, 400]).toContain(landed.length);
    const retry = await postJson(server.url, '/api/sync/messages/push', coach.token, rows);
    expect(retry).toEqual({ status: 200, body: [] });
    const final = await messageIds(prefix);
    expect(final).toHaveLength(400);
    expect(new Set(final).size).toBe(400);
  });
});
