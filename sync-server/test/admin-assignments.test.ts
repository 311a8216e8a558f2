import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, Message, Person } from '@spotter/shared';
import { person } from '@spotter/shared/fixtures.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { startTestServer } from './helper.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let admin: string;
let admin2: string;

async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function pullAll<T>(token: string, collection: string): Promise<(T & { _deleted: boolean })[]> {
  const docs = new Map<string, T & { _deleted: boolean; id: string }>();
  let checkpoint = null;
  for (;;) {
    const { body } = await call(token, 'POST', `/api/sync/${collection}/pull`, { checkpoint, batchSize: 200 });
    for (const d of body.documents) docs.set(d.id, d);
    if (body.documents.length < 200) return [...docs.values()];
    checkpoint = body.checkpoint;
  }
}

const profile = { isPersonalTrainer: true, specializations: ['Strength'], certifications: ['CSCS'], hourlyRate: 70, bio: 'Lifts.', yearsExperience: 5 };
let n = 0;
async function newTrainer(maxClients: number): Promise<Person> {
  n++;
  const r = await call(admin, 'POST', '/api/admin/trainers', { email: `t${n}@admin.test`, firstName: `Trainer${n}`, lastName: 'Test', password: 'a-long-password', maxClients, ...profile });
  expect(r.status).toBe(201);
  return r.body;
}

/** New client accounts (the admin has no REST route for members), first with the demo coach. */
async function newClients(count: number): Promise<string[]> {
  const hash = await hashPassword('a-long-password');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    n++;
    const id = `client-${n}`;
    (await server.app.repo.createUser(person({ id, email: `c${n}@admin.test`, firstName: `Client${n}`, lastName: 'Test', updatedAt: new Date().toISOString() }), hash));
    ids.push(id);
  }
  const coachId = (await server.login('coach@demo.test')).user.id;
  expect((await call(admin, 'POST', '/api/admin/assignments/bulk', { clientIds: ids, coachId })).status).toBe(200);
  return ids;
}

const activeOf = (all: Assignment[], clientId: string) => all.filter((a) => a.clientId === clientId && a.status === 'active' && !(a as any)._deleted);

beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.login('admin@demo.test')).accessToken;
  admin2 = (await server.login('admin@demo.test')).accessToken;
});
afterAll(() => server.close());

describe('POST /api/admin/trainers', () => {
  it('creates a coach who can sign in, with the profile on the roster', async () => {
    const t = await newTrainer(3);
    expect(t).toMatchObject({ role: 'coach', maxClients: 3, ...profile });
    const login = await server.login(t.email, 'a-long-password');
    expect(login.user.role).toBe('coach');
    const people = await pullAll<Person>(admin, 'people');
    expect(people.find((p) => p.id === t.id)).toMatchObject({ specializations: ['Strength'], certifications: ['CSCS'] });
  });

  it.each([
    ['a coach', 'coach@demo.test', 403],
    ['a client', 'client@demo.test', 403],
  ])('refuses %s', async (_n, email, status) => {
    const token = (await server.login(email)).accessToken;
    const r = await call(token, 'POST', '/api/admin/trainers', { email: 'x@admin.test', firstName: 'X', lastName: '', password: 'a-long-password', maxClients: 3, ...profile });
    expect(r.status).toBe(status);
  });

  it('refuses a taken email with 409', async () => {
    const r = await call(admin, 'POST', '/api/admin/trainers', { email: 'coach@demo.test', firstName: 'X', lastName: '', password: 'a-long-password', maxClients: 3, ...profile });
    expect(r).toMatchObject({ status: 409, body: { code: 'email_taken', message: 'An account with this email already exists.' } });
  });
});

describe('POST /api/admin/assignments/bulk', () => {
  it('two admins assigning at once never exceed capacity', async () => {
    const t = await newTrainer(1);
    const [a, b] = await newClients(2);
    const results = await Promise.all([
      call(admin, 'POST', '/api/admin/assignments/bulk', { clientIds: [a], coachId: t.id }),
      call(admin2, 'POST', '/api/admin/assignments/bulk', { clientIds: [b], coachId: t.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'selection_over_capacity', message: `${t.firstName} Test is at capacity: room for 0 more clients (1/1), 1 selected.` });
    const all = await pullAll<Assignment>(admin, 'assignments');
    expect(all.filter((x) => x.coachId === t.id && x.status === 'active')).toHaveLength(1);
  });

  it('two admins assigning one client to two trainers at once leave one active trainer', async () => {
    const [t1, t2] = [await newTrainer(5), await newTrainer(5)];
    const [c] = await newClients(1);
    const results = await Promise.all([
      call(admin, 'POST', '/api/admin/assignments/bulk', { clientIds: [c], coachId: t1.id }),
      call(admin2, 'POST', '/api/admin/assignments/bulk', { clientIds: [c], coachId: t2.id }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const all = await pullAll<Assignment>(admin, 'assignments');
    expect(activeOf(all, c!)).toHaveLength(1);
    // Both requests were serialised: the later one ended the earlier one, which is history now.
    const ended = all.filter((x) => x.clientId === c && x.status === 'completed').map((x) => x.coachId);
    const winner = activeOf(all, c!)[0]!.coachId;
    expect(ended).toContain(winner === t1.id ? t2.id : t1.id);
  });

  it('bulk is all or nothing, with the reason', async () => {
    const t = await newTrainer(2);
    const clients = await newClients(3);
    const before = await pullAll<Assignment>(admin, 'assignments');
    const r = await call(admin, 'POST', '/api/admin/assignments/bulk', { clientIds: clients, coachId: t.id });
    expect(r).toMatchObject({ status: 409, body: { error: 'conflict', message: `${t.firstName} Test is at capacity: room for 2 more clients (0/2), 3 selected.` } });
    const after = await pullAll<Assignment>(admin, 'assignments');
    expect(after).toEqual(before);

    const ok = await call(admin, 'POST', '/api/admin/assignments/bulk', { clientIds: clients.slice(0, 2), coachId: t.id });
    expect(ok.status).toBe(200);
    expect(ok.body.assignments.map((x: Assignment) => [x.clientId, x.coachId, x.status])).toEqual(clients.slice(0, 2).map((c) => [c, t.id, 'active']));
    expect(ok.body.ended).toHaveLength(2); // they were the demo coach's clients
  });

  it('reassigning keeps history, tells the client, and moves visibility to the new trainer', async () => {
    const t = await newTrainer(4);
    const [c] = await newClients(1);
    const r = await call(admin, 'POST', '/api/admin/assignments/bulk', { clientIds: [c], coachId: t.id });
    expect(r.status).toBe(200);
    expect(r.body.ended[0]).toMatchObject({ clientId: c, status: 'completed', endDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    const all = await pullAll<Assignment>(admin, 'assignments');
    expect(all.filter((x) => x.clientId === c).map((x) => x.status).sort()).toEqual(['active', 'completed']);

    const client = await server.login(`c${n}@admin.test`, 'a-long-password');
    const messages = await pullAll<Message>(client.accessToken, 'messages');
    expect(messages.filter((m) => m.kind === 'system' && !m._deleted).map((m) => m.body)).toContain(`You have a new trainer: ${t.firstName} Test.`);

    const newCoach = await server.login(t.email, 'a-long-password');
    const seen = await pullAll<Person>(newCoach.accessToken, 'people');
    expect(seen.find((p) => p.id === c && !p._deleted)).toBeTruthy();
    const oldCoach = await server.login('coach@demo.test');
    const old = await pullAll<Person>(oldCoach.accessToken, 'people');
    expect(old.find((p) => p.id === c)?._deleted).toBe(true);
  });

  it.each([
    ['an unknown trainer', () => ({ clientIds: ['nobody'], coachId: 'nobody' }), 404],
    ['no clients', () => ({ clientIds: [], coachId: 'x' }), 400],
  ])('refuses %s', async (_n, body, status) => {
    expect((await call(admin, 'POST', '/api/admin/assignments/bulk', body())).status).toBe(status);
  });
});
