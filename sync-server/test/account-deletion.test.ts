import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETION_UNDO_MS, type Assignment, type Person, type TrainingSession } from '@spotter/shared';
import { DEMO_PASSWORD, startTestServer, type TestServer, type TestServerOptions } from './helper.ts';
import { pullAll, visible, type Who } from './wire.ts';

/**
 * Deleting an account (docs/DESIGN.md "Deleting an account") against the real server and
 * store, with the scheduler on a controlled clock: asking, the undo window (cancel, sign-in),
 * who may ask, and what the erasure leaves — on the server and on the coach's devices.
 */
let clock = new Date('2030-03-04T10:00:00.000Z');
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
const scheduler: TestServerOptions['scheduler'] = { now: () => clock, leaseMs: 60_000 };

let s: TestServer;
const open: TestServer[] = [];
let admin: Who;
let coach: Who;
let client: Who;
let client3: Who;

const as = async (email: string): Promise<Who> => {
  const l = await s.login(email);
  return { token: l.accessToken, id: l.user.id };
};
/** The attempt counters naming someone (SQLite only: read from the file itself). */
function countersNaming(...parts: string[]): string[] | null {
  if (s.databaseUrl) return null;
  const db = new Database(s.dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT key FROM rate_counters').all() as { key: string }[]).map((r) => r.key).filter((k) => parts.some((p) => k.includes(p)));
  } finally {
    db.close();
  }
}

const deletion = (who: Who, method: string, body?: unknown, id?: string) =>
  s.api(who.token, method, id ? `/api/admin/people/${id}/deletion` : '/api/account/deletion', body);

beforeAll(async () => {
  s = await startTestServer({ scheduler, mediaMaxBytes: 100_000 });
  [admin, coach, client, client3] = [await as('admin@demo.test'), await as('coach@demo.test'), await as('client@demo.test'), await as('client3@demo.test')];
});
afterAll(async () => {
  for (const o of open.reverse()) await o.close();
  await s?.close();
});

describe('asking for a deletion', () => {
  it('refuses a wrong password, and changes nothing', async () => {
    const r = await deletion(client, 'POST', { password: 'not my password' });
    expect(r.status).toBe(400);
    expect((await deletion(client, 'GET')).body).toEqual({ pending: null });
  });

  it('is described in OpenAPI', async () => {
    const paths = Object.keys((await s.api(null, 'GET', '/api/docs/json')).body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/account/deletion', '/api/admin/people/{id}/deletion']));
  });

  it('refuses a body that is not the shared schema', async () => {
    expect((await deletion(client, 'POST', { password: 'x', userId: coach.id })).status).toBe(400);
  });

  it('lets nobody but an admin delete someone else, whatever the password', async () => {
    for (const [who, target] of [[client, client3], [coach, client], [client, coach]] as const) {
      const r = await deletion(who, 'POST', { password: DEMO_PASSWORD }, target.id);
      expect(r.status, `${who.id} → ${target.id}`).toBe(403);
    }
    expect((await deletion(coach, 'DELETE', undefined, client.id)).status).toBe(403);
    expect((await deletion(client3, 'GET')).body).toEqual({ pending: null });
  });

  it('refuses a coach deleting themselves, and an admin deleting an admin', async () => {
    expect((await deletion(coach, 'POST', { password: DEMO_PASSWORD })).body.code).toBe('deletion_self_client_only');
    expect((await deletion(admin, 'POST', { password: DEMO_PASSWORD }, admin.id)).status).toBe(409);
  });
});

describe('the undo window', () => {
  it('a cancel inside the window keeps everything', async () => {
    const asked = await deletion(client, 'POST', { password: DEMO_PASSWORD });
    expect(asked.status).toBe(202);
    expect(asked.body.pending).toEqual({ dueAt: new Date(clock.getTime() + DELETION_UNDO_MS).toISOString(), requestedAt: clock.toISOString(), byAdmin: false });
    // A replay does not move the window.
    expect((await deletion(client, 'POST', { password: DEMO_PASSWORD })).status).toBe(409);
    later(DELETION_UNDO_MS - 60_000);
    expect((await deletion(client, 'DELETE')).body).toEqual({ pending: null });
    later(DELETION_UNDO_MS);
    await s.app.scheduler.tick();
    expect((await deletion(client, 'GET')).body).toEqual({ pending: null });
    expect(visible((await pullAll<Person>(s, coach.token, 'people')).docs).map((p) => p.id)).toContain(client.id);
    client = await as('client@demo.test');
  });

  it('parallel requests make one deletion; signing in with the password cancels it', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => deletion(client, 'POST', { password: DEMO_PASSWORD })));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409]);
    client = await as('client@demo.test');
    expect((await deletion(client, 'GET')).body).toEqual({ pending: null });
  });

  it("a client cannot cancel an admin's deletion; an admin can", async () => {
    expect((await deletion(admin, 'POST', { password: DEMO_PASSWORD }, client3.id)).status).toBe(202);
    expect((await deletion(client3, 'GET')).body.pending.byAdmin).toBe(true);
    expect((await deletion(client3, 'DELETE')).body.code).toBe('deletion_not_yours_to_cancel');
    // Signing in does not undo an admin's decision either.
    client3 = await as('client3@demo.test');
    expect((await deletion(admin, 'GET', undefined, client3.id)).body.pending).not.toBeNull();
    expect((await deletion(admin, 'DELETE', undefined, client3.id)).body).toEqual({ pending: null });
  });
});

describe('a client deletes their account', () => {
  it('after the window the person and their data are gone from the server and from the coach\'s devices', async () => {
    // The coach's device is synced before the deletion.
    const before = {
      people: await pullAll<Person>(s, coach.token, 'people'),
      sessions: await pullAll<TrainingSession>(s, coach.token, 'sessions'),
      assignments: await pullAll<Assignment>(s, coach.token, 'assignments'),
      logs: await pullAll(s, coach.token, 'logs'),
      messages: await pullAll(s, coach.token, 'messages'),
    };
    const theirSessions = visible(before.sessions.docs).filter((d) => d.clientId === client.id).map((d) => d.id);
    expect(theirSessions.length).toBeGreaterThan(0);
    const others = visible(before.sessions.docs).filter((d) => d.clientId === client3.id).length;

    // A mistyped sign-in leaves counters that name the email.
    expect((await s.api(null, 'POST', '/api/auth/login', { email: 'client@demo.test', password: 'mistyped' })).status).toBe(401);
    if (!s.databaseUrl) expect(countersNaming('client@demo.test')!.length).toBeGreaterThan(0);
    // A device of theirs, signed in before they asked (signing in afterwards would cancel it).
    const phone = await s.login('client@demo.test');
    client = { token: phone.accessToken, id: phone.user.id };
    expect((await deletion(client, 'POST', { password: DEMO_PASSWORD })).status).toBe(202);
    // Not yet: one minute short of the window.
    later(DELETION_UNDO_MS - 60_000);
    expect(await s.app.scheduler.tick()).toBe(0);
    expect((await s.api(client.token, 'POST', '/api/sync/people/pull', { checkpoint: null, batchSize: 10 })).status).toBe(200);
    later(60_000);
    expect(await s.app.scheduler.tick()).toBe(1);
    // The attempt counters that named them went too (before anyone types their email again below).
    if (!s.databaseUrl) expect(countersNaming('client@demo.test', client.id)).toEqual([]);

    // Sign-in stops working and the tokens the devices hold are refused.
    expect((await s.api(client.token, 'POST', '/api/sync/people/pull', { checkpoint: null, batchSize: 10 })).status).toBe(401);
    expect((await s.api(null, 'POST', '/api/auth/login', { email: 'client@demo.test', password: DEMO_PASSWORD })).status).toBe(401);
    // Their device, refreshing, is told the account is gone (and empties itself).
    const refreshed = await s.refresh(phone.cookie);
    expect(refreshed.status).toBe(401);
    expect(refreshed.body).toMatchObject({ code: 'account_deleted' });

    // The coach's device, pulling on from where it was, is told to drop every one of them.
    const people = await pullAll<Person>(s, coach.token, 'people', before.people.checkpoint);
    expect(people.docs.find((p) => p.id === client.id)).toMatchObject({ _deleted: true, firstName: '(hidden)' });
    const sessions = await pullAll<TrainingSession>(s, coach.token, 'sessions', before.sessions.checkpoint);
    for (const id of theirSessions) expect(sessions.docs.find((d) => d.id === id), id).toMatchObject({ _deleted: true, title: '' });
    const assignments = await pullAll<Assignment>(s, coach.token, 'assignments', before.assignments.checkpoint);
    expect(assignments.docs.filter((a) => a.clientId === client.id).every((a) => a._deleted)).toBe(true);
    const logs = await pullAll(s, coach.token, 'logs', before.logs.checkpoint);
    expect(logs.docs.filter((l) => l.clientId === client.id).every((l) => l._deleted)).toBe(true);
    const messages = await pullAll(s, coach.token, 'messages', before.messages.checkpoint);
    expect(messages.docs.filter((m) => m.clientId === client.id).every((m) => m._deleted)).toBe(true);
    // A fresh device of the coach never sees them; the other client is untouched.
    expect(visible((await pullAll<Person>(s, coach.token, 'people')).docs).map((p) => p.id)).not.toContain(client.id);
    expect(visible((await pullAll<TrainingSession>(s, coach.token, 'sessions')).docs).filter((d) => d.clientId === client3.id)).toHaveLength(others);
    expect(visible((await pullAll<Person>(s, admin.token, 'people')).docs).map((p) => p.id)).not.toContain(client.id);

    // On the server: nothing of the person's content is left, only blank tombstones.
    const repo = s.app.repo;
    const stored = await repo.get('people', client.id);
    expect(stored).toMatchObject({ deleted: true });
    expect(JSON.stringify(stored!.doc)).not.toMatch(/Jamie|client@demo\.test/);
    expect(await repo.findUserByEmail('client@demo.test')).toBeNull();
    for (const c of ['sessions', 'logs', 'messages', 'notes', 'plans', 'recommendations', 'assignments'] as const) {
      const rows = await repo.find(c, [{ field: 'clientId', op: 'eq', value: client.id }]);
      expect(rows.every((r) => r.deleted), c).toBe(true);
    }
    expect(await repo.liveTokenFamilies(client.id)).toEqual([]);
    expect(await repo.passwordHashOf(client.id)).toBe('');
    expect(await repo.jobsOfKind('accountDeletion')).toEqual([]);
  });
});

describe('an admin deletes a trainer', () => {
  it("survives a restart, ends the trainer's assignments and leaves the clients their history", async () => {
    const client2 = await as('client2@demo.test');
    const coach2 = await as('coach2@demo.test');
    const history = visible((await pullAll<TrainingSession>(s, client2.token, 'sessions')).docs).length;
    // A photo only the trainer uploaded: its bytes go with them.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const hash = createHash('sha256').update(png).digest('hex');
    const put = await fetch(`${s.url}/api/media/${hash}`, { method: 'PUT', headers: { authorization: `Bearer ${coach2.token}`, 'content-type': 'image/png' }, body: new Uint8Array(png) });
    expect(put.status).toBe(201);
    const file = join(dirname(s.dbPath), 'media', hash.slice(0, 2), hash);
    expect(existsSync(file)).toBe(true);
    expect((await deletion(admin, 'POST', { password: DEMO_PASSWORD }, coach2.id)).status).toBe(202);
    // Another instance on the same database, started after the request, carries it out.
    const other = await startTestServer({ dbPath: s.dbPath, databaseUrl: s.databaseUrl ?? undefined, scheduler, mediaMaxBytes: 100_000 });
    open.push(other);
    later(DELETION_UNDO_MS + 1000);
    expect(await other.app.scheduler.tick()).toBe(1);
    expect(await s.app.scheduler.tick()).toBe(0);

    expect((await s.api(coach2.token, 'GET', '/api/account/devices')).status).toBe(401);
    const mine = visible((await pullAll<Assignment>(s, client2.token, 'assignments')).docs);
    expect(mine.filter((a) => a.coachId === coach2.id).every((a) => a.status === 'completed')).toBe(true);
    expect(visible((await pullAll<TrainingSession>(s, client2.token, 'sessions')).docs)).toHaveLength(history);
    expect(visible((await pullAll<Person>(s, client2.token, 'people')).docs).map((p) => p.id)).not.toContain(coach2.id);
    const messages = visible(await pullAll(s, client2.token, 'messages').then((r) => r.docs));
    expect(messages.some((m) => m.authorId === coach2.id)).toBe(false);
    expect(await s.app.repo.mediaOf(hash, coach2.id)).toBeNull();
    expect(existsSync(file)).toBe(false);
  });
});
