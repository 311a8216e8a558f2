import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '@spotter/shared/fixtures.ts';
import type { Doc } from '../../src/storage/mappers.ts';
import { startTestServer, type TestServer } from '../helper.ts';
import { coachAndClient, now, pullAll, type Who } from '../wire.ts';

/**
 * Pull checkpoints under concurrent writers
 * (docs/DESIGN.md "Checkpoints under concurrent writers"), on a real PostgreSQL: a write transaction that took seq N and has not committed,
 * a second one that started after it and wants to commit first, and a device pulling in
 * between. The device must end with both rows.
 */
let s: TestServer;
let coach: Who;
let client: Who;
beforeAll(async () => {
  s = await startTestServer();
  ({ coach, client } = await coachAndClient(s));
});
afterAll(() => s?.close());

const note = (id: string) => message({ id, authorId: coach.id, coachId: coach.id, clientId: client.id, body: id, createdAt: now(), updatedAt: now() }) as unknown as Doc;

/** Resolves once some backend of this database waits on a lock (the second writer, queued). */
async function someoneWaitsOnALock(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (;;) {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows[0].n > 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await c.end();
  }
}

describe('out-of-order commits on PostgreSQL', () => {
  it('runs on PostgreSQL', () => {
    expect(s.databaseUrl).toMatch(/^postgres/);
  });

  it('a pull between two writes committing in the other order never skips the first one', async () => {
    const repo = s.app.repo;
    const { checkpoint: start } = await pullAll(s, coach.token, 'messages');
    let releaseFirst!: () => void;
    const held = new Promise<void>((r) => (releaseFirst = r));
    let firstPut!: () => void;
    const firstWrote = new Promise<void>((r) => (firstPut = r));
    const seqs: Record<string, number> = {};

    // A takes its seq, then stays open.
    const first = repo.transaction(async () => {
      seqs.first = await repo.put('messages', note('ooo-first'), false);
      firstPut();
      await held;
    });
    await firstWrote;
    // B starts after A has its seq and asks to commit at once.
    const second = repo.transaction(async () => {
      seqs.second = await repo.put('messages', note('ooo-second'), false);
    });
    const secondDone = second.then(() => 'committed' as const);
    // Either B committed (a store handing out seqs that commit out of order) or it waits its turn.
    const state = await Promise.race([secondDone, someoneWaitsOnALock(s.databaseUrl!).then(() => 'waiting' as const)]);

    // A device pulls now, while A is still open.
    const between = await pullAll(s, coach.token, 'messages', start as { seq: number });
    releaseFirst();
    await Promise.all([first, second]);
    const after = await pullAll(s, coach.token, 'messages', between.checkpoint as { seq: number });

    const received = [...between.docs, ...after.docs].map((d) => d.id);
    expect(received).toContain('ooo-first');
    expect(received).toContain('ooo-second');
    // What this store does: the later writer waited, and the seqs committed in their order.
    expect(state).toBe('waiting');
    expect(between.docs.map((d) => d.id)).not.toContain('ooo-second');
    expect(seqs.second).toBeGreaterThan(seqs.first!);
  });

  it('the same interleaving with seqs from a plain sequence and a bare "seq > checkpoint" pull loses the first row (what the test above guards against)', async () => {
    // A naive store, on a scratch table of the same database: nextval() is handed out at once
    // and is not rolled back or ordered by commit.
    const connect = async () => {
      const c = new pg.Client({ connectionString: s.databaseUrl! });
      await c.connect();
      return c;
    };
    const [a, b, reader] = [await connect(), await connect(), await connect()];
    try {
      await reader.query('CREATE TABLE naive_rows (id text PRIMARY KEY, seq bigint NOT NULL)');
      await reader.query('CREATE SEQUENCE naive_seq');
      const pullFrom = async (checkpoint: number) => (await reader.query('SELECT id, seq FROM naive_rows WHERE seq > $1 ORDER BY seq', [checkpoint])).rows as { id: string; seq: string }[];
      await a.query('BEGIN');
      await a.query(`INSERT INTO naive_rows VALUES ('first', nextval('naive_seq'))`);
      await b.query('BEGIN');
      await b.query(`INSERT INTO naive_rows VALUES ('second', nextval('naive_seq'))`);
      await b.query('COMMIT');
      const between = await pullFrom(0);
      await a.query('COMMIT');
      const after = await pullFrom(Number(between.at(-1)!.seq));
      const received = [...between, ...after].map((r) => r.id);
      expect(received).toEqual(['second']);
      expect((await reader.query('SELECT id FROM naive_rows ORDER BY seq')).rows.map((r) => r.id)).toEqual(['first', 'second']);
    } finally {
      await Promise.all([a.end(), b.end(), reader.end()]);
    }
  });
});
