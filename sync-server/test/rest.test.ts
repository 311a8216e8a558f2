import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, todayLocal, type TrainingSession } from '@spotter/shared';
import { prescription, session } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { now, pullAll, push } from './wire.ts';

let s: TestServer;
let webRoot: string;
let coach: { token: string; id: string };
let client: { token: string; id: string };
const today = todayLocal();

beforeAll(async () => {
  // A stand-in for web/build: the shell, the worker, the manifest and a hashed asset.
  webRoot = mkdtempSync(join(tmpdir(), 'spotter-web-'));
  mkdirSync(join(webRoot, '_app/immutable'), { recursive: true });
  writeFileSync(join(webRoot, '200.html'), '<!doctype html><title>Spotter</title>');
  writeFileSync(join(webRoot, 'sw.js'), 'self.addEventListener("install", () => {});');
  writeFileSync(join(webRoot, 'manifest.webmanifest'), '{"name":"Spotter"}');
  writeFileSync(join(webRoot, '_app/immutable/app.abc123.js'), 'export {};');
  s = await startTestServer({ webRoot });
  const [c, m] = [await s.login('coach@demo.test'), await s.login('client@demo.test')];
  coach = { token: c.accessToken, id: c.user.id };
  client = { token: m.accessToken, id: m.user.id };
});
afterAll(async () => {
  await s?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('clients', () => {
  it("lists a coach's clients with last workout, compliance and next session", async () => {
    const res = await s.api(coach.token, 'GET', '/api/clients');
    expect(res.status).toBe(200);
    expect(res.body.map((r: any) => r.client.email).sort()).toEqual(['client3@demo.test', 'client@demo.test']);
    for (const row of res.body) {
      // The demo has done, late and upcoming sessions around today for every client.
      expect(row.compliancePercent).toBeGreaterThan(0);
      expect(row.compliancePercent).toBeLessThan(100);
      expect(row.lastWorkout).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(row.nextSession.dueDate >= today).toBe(true);
      expect(row.assignment).toMatchObject({ coachId: coach.id, status: 'active' });
    }
  });

  it('lets an admin list every client', async () => {
    const admin = await s.login('admin@demo.test');
    const res = await s.api(admin.accessToken, 'GET', '/api/clients');
    expect(res.body.map((r: any) => r.client.email)).toEqual(expect.arrayContaining(['client@demo.test', 'client2@demo.test', 'client3@demo.test']));
  });

  it('adds a client: the account can sign in and belongs to the coach', async () => {
    const res = await s.api(coach.token, 'POST', '/api/clients', { email: 'New.Person@demo.test', firstName: 'New', lastName: 'Person', password: 'a-good-long-password' });
    expect(res.status).toBe(201);
    expect(res.body.client).toMatchObject({ role: 'client', email: 'new.person@demo.test' });
    expect(res.body.assignment).toMatchObject({ coachId: coach.id, clientId: res.body.client.id, status: 'active' });
    const signedIn = await s.login('new.person@demo.test', 'a-good-long-password');
    expect(signedIn.user.role).toBe('client');
    const mine = await s.api(coach.token, 'GET', `/api/clients/${res.body.client.id}`);
    expect(mine).toMatchObject({ status: 200, body: { compliancePercent: null, lastWorkout: null, nextSession: null } });
  });

  it('refuses a taken email and a coach at capacity with 409 and the reason', async () => {
    const taken = await s.api(coach.token, 'POST', '/api/clients', { email: 'client2@demo.test', firstName: 'X', lastName: '', password: 'a-good-long-password' });
    expect(taken).toMatchObject({ status: 409, body: { code: 'email_taken', message: 'An account with this email already exists.' } });
    const admin = await s.login('admin@demo.test');
    const me = (await pullAll(s, admin.accessToken, 'people')).docs.find((p) => p.id === coach.id)!;
    const { _deleted, ...doc } = me;
    expect(await push(s, admin.accessToken, 'people', [{ doc: { ...doc, maxClients: 3, updatedAt: now() }, assumed: me }])).toEqual([]);
    const full = await s.api(coach.token, 'POST', '/api/clients', { email: 'one-too-many@demo.test', firstName: 'X', lastName: '', password: 'a-good-long-password' });
    expect(full).toMatchObject({ status: 409, body: { code: 'coach_at_capacity', message: 'You are at capacity (3/3 clients).' } });
  });

  it('refuses a weak password with 400 naming the field', async () => {
    const res = await s.api(coach.token, 'POST', '/api/clients', { email: 'weak@demo.test', firstName: 'X', lastName: '', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/password/);
  });
});

describe('sessions', () => {
  it("returns a client's sessions in a date range, with their logs", async () => {
    const from = addDaysTo(today, -7);
    const res = await s.api(coach.token, 'GET', `/api/clients/${client.id}/sessions?from=${from}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((r: any) => r.session.dueDate >= from && r.session.dueDate <= today)).toBe(true);
    expect(res.body.some((r: any) => r.log !== null)).toBe(true);
    const one = await s.api(client.token, 'GET', `/api/sessions/${res.body[0].session.id}`);
    expect(one.body.session).toEqual(res.body[0].session);
  });

  it('creates a session with the same rules as a push: published when valid, draft with the reason when not', async () => {
    const ex = (await s.api(coach.token, 'GET', '/api/exercises')).body[0];
    const base = (id: string, dueDate: string): TrainingSession =>
      session({ id, coachId: coach.id, clientId: client.id, dueDate, status: 'submitted', submittedAt: now(), exercises: [prescription({ exerciseId: ex.id })], createdAt: now(), updatedAt: now() });
    const ok = await s.api(coach.token, 'POST', '/api/sessions', base('rest-ok', addDaysTo(today, 1)));
    expect(ok).toMatchObject({ status: 201, body: { id: 'rest-ok', status: 'published', rejection: null } });
    const late = await s.api(coach.token, 'POST', '/api/sessions', base('rest-late', addDaysTo(today, -2)));
    expect(late).toMatchObject({ status: 201, body: { status: 'draft', rejection: expect.stringMatching(/has passed/) } });
    expect((await s.api(client.token, 'GET', '/api/sessions/rest-ok')).status).toBe(200);
    expect((await s.api(client.token, 'GET', '/api/sessions/rest-late')).status).toBe(404);
    expect((await s.api(coach.token, 'POST', '/api/sessions', base('rest-ok', addDaysTo(today, 1)))).status).toBe(409);
  });
});

describe('documentation and the web app', () => {
  it('serves the OpenAPI description at /api/docs', async () => {
    const spec = await s.api(null, 'GET', '/api/docs/json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/clients', '/api/sync/{collection}/pull', '/api/auth/login', '/api/sessions/{id}']));
    expect((await fetch(`${s.url}/api/docs`)).status).toBeLessThan(400);
  });

  it.each([
    ['/', 'no-cache', /Spotter/],
    ['/coach/clients/123/builder', 'no-cache', /Spotter/],
    ['/sw.js', 'no-cache', /install/],
    ['/manifest.webmanifest', 'no-cache', /Spotter/],
    ['/_app/immutable/app.abc123.js', 'public, max-age=31536000, immutable', /export/],
  ])('GET %s → 200, cache-control %s', async (path, cache, content) => {
    const res = await fetch(s.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(cache);
    expect(await res.text()).toMatch(content);
  });

  it('does not answer unknown API paths with the shell', async () => {
    const res = await fetch(`${s.url}/api/unknown`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});
