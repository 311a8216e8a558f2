import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '@spotter/shared/fixtures.ts';
import { openStore } from '../../src/server.ts';
import { startTestServer, type TestServer } from '../helper.ts';
import { openEventStream } from '../sse-reader.ts';
import { coachAndClient, now, push, type Who } from '../wire.ts';

/**
 * Two server instances on one PostgreSQL database
 * (docs/DESIGN.md "Growing past one machine"): a coach's phone talks to one, the laptop to the other, and each sees the
 * other's changes live through its own instance's stream (LISTEN/NOTIFY, sync/pg-notifier.ts).
 */
let a: TestServer;
let b: TestServer;
let coach: Who;
let client: Who;
beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ databaseUrl: a.databaseUrl!, dbPath: a.dbPath });
  ({ coach, client } = await coachAndClient(a));
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const note = (id: string) => message({ id, authorId: coach.id, authorRole: 'coach', coachId: coach.id, clientId: client.id, body: id, createdAt: now(), updatedAt: now() });

describe('two instances on one PostgreSQL database', () => {
  it('a push through either instance reaches the coach’s stream on the other one', async () => {
    expect(a.databaseUrl).toMatch(/^postgres/);
    expect(b.databaseUrl).toBe(a.databaseUrl);
    const laptop = await openEventStream(a.url, coach.token);
    const phone = await openEventStream(b.url, coach.token);
    try {
      expect(await laptop.next()).toBe('RESYNC');
      expect(await phone.next()).toBe('RESYNC');
      const fromLaptop = note('two-inst-laptop');
      expect(await push(a, coach.token, 'messages', [{ doc: fromLaptop }])).toEqual([]);
      expect(await phone.until('messages', fromLaptop.id)).toEqual({ ...fromLaptop, _deleted: false });
      const fromPhone = note('two-inst-phone');
      expect(await push(b, coach.token, 'messages', [{ doc: fromPhone }])).toEqual([]);
      expect(await laptop.until('messages', fromPhone.id)).toMatchObject({ id: fromPhone.id, body: fromPhone.body });
    } finally {
      laptop.close();
      phone.close();
    }
  });

  it('a stream whose instance lost its listening connection still gets a change announced meanwhile', async () => {
    const stream = await openEventStream(b.url, coach.token);
    try {
      expect(await stream.next()).toBe('RESYNC');
      // Cut every LISTEN connection of the database (the one of instance A too: both reconnect).
      const admin = new pg.Client({ connectionString: a.databaseUrl! });
      await admin.connect();
      try {
        const { rows } = await admin.query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'`);
        expect(rows.length).toBeGreaterThan(0);
      } finally {
        await admin.end();
      }
      const meanwhile = note('two-inst-meanwhile');
      expect(await push(a, coach.token, 'messages', [{ doc: meanwhile }])).toEqual([]);
      expect(await stream.until('messages', meanwhile.id)).toMatchObject({ id: meanwhile.id });
    } finally {
      stream.close();
    }
  });

  it('signing out through one instance ends the device’s open stream on the other', async () => {
    const session = await a.login('client@demo.test');
    const stream = await openEventStream(b.url, session.accessToken);
    try {
      expect(await stream.next()).toBe('RESYNC');
      expect((await a.logout(session.cookie)).status).toBe(200);
      // Nothing else is published: the notice of the ended family travels by NOTIFY.
      await expect(stream.next()).rejects.toThrow('stream ended');
    } finally {
      stream.close();
    }
  });

  it('a write committed by an instance that dies before announcing it still wakes the streams on the others', async () => {
    // Instance A's store alone, as a process SIGKILLed between its commit and anything after
    // it: the route's own announcement (after commit) never happens. Only what the store did
    // inside the transaction can reach instance B (sim seed 1729251067, sim/README.md).
    const dying = await openStore({ databasePath: '', databaseUrl: a.databaseUrl! });
    const stream = await openEventStream(b.url, coach.token);
    try {
      expect(await stream.next()).toBe('RESYNC');
      const lastWords = note('two-inst-last-words');
      await dying.transaction(() => dying.put('messages', lastWords, false));
      const arrived = await Promise.race([
        stream.until('messages', lastWords.id),
        new Promise((resolve) => setTimeout(() => resolve('no wake-up within 10 s'), 10_000)),
      ]);
      expect(arrived).toMatchObject({ id: lastWords.id, body: lastWords.body });
    } finally {
      stream.close();
      await dying.close();
    }
  });
});
