import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveSets, exportDocumentSchema, sessionLogId, setColumns, type ExportDocument, type SessionLog, type TrainingSession } from '@spotter/shared';
import { logEntry, note } from '@spotter/shared/fixtures.ts';
import { exportScope, visiblePages } from '../src/export/export.service.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { now, pullAll, push, visible, type Who } from './wire.ts';

/** docs/DESIGN.md "Export": what each role downloads, checked against what the real server holds. */
let s: TestServer;
let coach: Who;
let client: Who;
let client2: Who;
let client3Id: string;
let coach2Id: string;
let loggedSets: Record<string, { warmup: boolean; load: number; reps: number }>;
let setLogId: string;

const get = async (token: string | null, path: string) => {
  const res = await fetch(s.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
};
const json = async (token: string, query = ''): Promise<ExportDocument> => {
  const res = await get(token, `/api/export?format=json${query}`);
  expect(res.status, strFromU8(res.bytes).slice(0, 300)).toBe(200);
  // Streamed: sent in chunks as the store is read, never measured (built) first.
  expect(res.headers.get('transfer-encoding')).toBe('chunked');
  expect(res.headers.get('content-length')).toBeNull();
  return exportDocumentSchema.parse(JSON.parse(strFromU8(res.bytes)));
};
const zip = async (token: string, query = '') => {
  const res = await get(token, `/api/export?format=zip${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  const files = unzipSync(res.bytes);
  const csv = (name: string): Record<string, string>[] => parse(strFromU8(files[name]!), { columns: true });
  return { names: Object.keys(files).sort(), csv, header: (name: string) => strFromU8(files[name]!).split('\n')[0] };
};

beforeAll(async () => {
  s = await startTestServer();
  const [c, m, m2, c2, m3] = await Promise.all(['coach@demo.test', 'client@demo.test', 'client2@demo.test', 'coach2@demo.test', 'client3@demo.test'].map((e) => s.login(e)));
  coach = { token: c!.accessToken, id: c!.user.id };
  client = { token: m!.accessToken, id: m!.user.id };
  client2 = { token: m2!.accessToken, id: m2!.user.id };
  coach2Id = c2!.user.id;
  client3Id = m3!.user.id;
  // The client logs a session set by set, as the app does (the demo's own logs are summaries).
  const sessions = visible((await pullAll<TrainingSession>(s, client.token, 'sessions')).docs);
  const logged = new Set(visible((await pullAll<SessionLog>(s, client.token, 'logs')).docs).map((l) => l.sessionId));
  const target = sessions.find((x) => !logged.has(x.id) && x.exercises.length >= 2)!;
  loggedSets = {
    w1: { warmup: true, load: 20, reps: 10 }, s1: { warmup: false, load: 62.5, reps: 8 }, s2: { warmup: false, load: 62.5, reps: 7 },
  };
  const sets = Object.fromEntries(Object.entries(loggedSets).map(([id, v], i) => [id, {
    position: i, warmup: v.warmup, done: true, targetReps: '8', targetWeight: '60 kg', reps: v.reps, load: v.load, seconds: null, distanceM: null, rpe: 8, 
  }]));
  const [rx1, rx2] = target.exercises;
  setLogId = sessionLogId(target.id);
  const log: SessionLog = {
    id: setLogId, sessionId: target.id, clientId: client.id, coachId: target.coachId, completedAt: null, updatedAt: now(),
    entries: {
      [rx1!.id]: logEntry({ exerciseId: rx1!.exerciseId, sets, loggedAt: now() }),
      [rx2!.id]: logEntry({ exerciseId: rx2!.exerciseId, sets: { x1: { ...sets.s1!, position: 0 } }, loggedAt: now() }),
    },
  };
  expect(await push(s, client.token, 'logs', [{ doc: log }])).toEqual([]);
  // A private note and a shared one about the client: the client may see only the shared one.
  const noteAt = { coachId: coach.id, clientId: client.id, createdAt: now(), updatedAt: now() };
  expect(await push(s, coach.token, 'notes', [
    { doc: note({ id: 'export-private', isPrivate: true, body: '=HYPERLINK("https://evil.test")', ...noteAt }) },
    { doc: note({ id: 'export-shared', isPrivate: false, title: 'Shared', ...noteAt }) },
  ])).toEqual([]);
});
afterAll(async () => s?.close());

describe("a client's export", () => {
  it('holds every log, session and shared note the client may see, and nothing of anyone else', async () => {
    const doc = await json(client.token);
    const logs = visible((await pullAll<SessionLog>(s, client.token, 'logs')).docs);
    const sessions = visible((await pullAll<TrainingSession>(s, client.token, 'sessions')).docs);
    expect(doc.export).toMatchObject({ source: 'server', person: { id: client.id, role: 'client' }, clientId: null });
    expect(doc.logs.map((l) => l.id).sort()).toEqual(logs.map((l) => l.id).sort());
    expect(doc.sessions.map((x) => x.id).sort()).toEqual(sessions.map((x) => x.id).sort());
    for (const kind of ['sessions', 'logs', 'messages', 'notes', 'plans', 'recommendations'] as const) {
      for (const d of doc[kind]) expect(d.clientId).toBe(client.id);
    }
    expect(doc.notes.map((n) => n.id)).toContain('export-shared');
    expect(doc.notes.map((n) => n.id)).not.toContain('export-private');
    expect(doc.sessions.every((x) => x.status === 'published')).toBe(true);
    expect(doc.people.map((p) => p.id).sort()).toEqual([client.id, coach.id].sort());
    expect(JSON.stringify(doc)).not.toContain('fieldClocks');
    const withSets = doc.logs.find((l) => l.id === setLogId) as unknown as SessionLog;
    expect(Object.values(withSets.entries).flatMap((e) => Object.keys(e.sets ?? {})).sort()).toEqual(['s1', 's2', 'w1', 'x1']);
  });

  it('has every logged set in sets.csv, one row each, in the columns the import reads', async () => {
    const z = await zip(client.token);
    expect(z.names).toEqual(['manifest.json', 'messages.csv', 'notes.csv', 'people.csv', 'plans.csv', 'sessions.csv', 'sets.csv']);
    expect(z.header('sets.csv')).toBe(setColumns.join(','));
    const rows = z.csv('sets.csv');
    const logs = visible((await pullAll<SessionLog>(s, client.token, 'logs')).docs);
    // One row per set; an entry without sets (the demo's history) has the sets its totals stand for.
    const expected = logs.reduce((n, l) => n + Object.values(l.entries).reduce((k, e) => k + Math.max(effectiveSets(e).length, 1), 0), 0);
    expect(rows).toHaveLength(expected);
    const mine = rows.filter((r) => r.session_id === logs.find((l) => l.id === setLogId)!.sessionId);
    expect(mine).toHaveLength(4);
    expect(mine.slice(0, 3).map((r) => [r.set_number, r.warmup, r.load, r.reps, r.load_unit, r.rpe])).toEqual([
      ['1', 'true', '20', '10', 'kg', '8'], ['2', 'false', '62.5', '8', 'kg', '8'], ['3', 'false', '62.5', '7', 'kg', '8'],
    ]);
    for (const r of rows) {
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.logged_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      if (r.load) expect(r.load).toMatch(/^\d+(\.\d+)?$/);
      expect(r.exercise_name).not.toBe('');
    }
    const notes = z.csv('notes.csv').map((n) => n.note_id);
    expect(notes).toContain('export-shared');
    expect(notes).not.toContain('export-private');
  });
});

describe("a coach's export", () => {
  it('of one client holds only that client (and the coach)', async () => {
    const doc = await json(coach.token, `&clientId=${client.id}`);
    expect(doc.export.clientId).toBe(client.id);
    expect(doc.people.map((p) => p.id).sort()).toEqual([client.id, coach.id].sort());
    for (const kind of ['sessions', 'logs', 'messages', 'notes', 'plans', 'recommendations', 'assignments'] as const) {
      for (const d of doc[kind]) expect(d.clientId).toBe(client.id);
    }
    expect(doc.logs.map((l) => l.id)).toContain(setLogId);
    // The coach's own private note about the client is theirs to take.
    expect(doc.notes.map((n) => n.id)).toContain('export-private');
    const z = await zip(coach.token, `&clientId=${client.id}`);
    expect(z.csv('sets.csv').filter((r) => r.session_id === doc.logs.find((l) => l.id === setLogId)!.sessionId)).toHaveLength(4);
    // A formula in free text is written so that a spreadsheet shows it instead of running it.
    expect(z.csv('notes.csv').find((n) => n.note_id === 'export-private')!.body).toBe(`'=HYPERLINK("https://evil.test")`);
  });

  it('of all clients holds their own clients and never another coach\'s', async () => {
    const doc = await json(coach.token);
    const clients = new Set(doc.logs.map((l) => l.clientId));
    expect(clients).toEqual(new Set([client.id, client3Id]));
    expect(doc.people.map((p) => p.id)).not.toContain(client2.id);
    expect(doc.people.map((p) => p.id)).not.toContain(coach2Id);
  });
});

describe('refusals', () => {
  it.each([
    ["another coach's client", () => client2.id],
    ['another coach', () => coach2Id],
    ['the coach themselves', () => coach.id],
    ['an unknown id', () => 'no-such-person'],
  ])("a coach naming %s gets 404, and no data", async (_name, id) => {
    for (const format of ['json', 'zip']) {
      const res = await get(coach.token, `/api/export?format=${format}&clientId=${id()}`);
      expect(res.status).toBe(404);
      expect(strFromU8(res.bytes)).not.toContain('"logs"');
    }
  });

  it('a client naming another client gets 404; naming themselves, their own export', async () => {
    expect((await get(client.token, `/api/export?format=json&clientId=${client3Id}`)).status).toBe(404);
    expect((await get(client2.token, `/api/export?format=zip&clientId=${client.id}`)).status).toBe(404);
    const own = await json(client.token, `&clientId=${client.id}`);
    expect(own.export.clientId).toBeNull();
    expect(own.logs.length).toBeGreaterThan(0);
  });

  it('another client never gets this client\'s sets', async () => {
    const z = await zip(client2.token);
    const doc = await json(client2.token);
    expect(doc.logs.every((l) => l.clientId === client2.id)).toBe(true);
    expect(z.csv('sets.csv').map((r) => r.session_id)).not.toContain(doc.logs.find((l) => l.id === setLogId)?.sessionId ?? 'none');
    expect(JSON.stringify(doc)).not.toContain(setLogId);
  });

  it('is 401 without signing in, and 400 for an unknown format', async () => {
    expect((await get(null, '/api/export?format=json')).status).toBe(401);
    expect((await get(null, '/api/export?format=zip')).status).toBe(401);
    expect((await get(coach.token, '/api/export?format=xlsx')).status).toBe(400);
    expect((await get(coach.token, '/api/export?format=json&clientId=%27%20OR%201%3D1')).status).toBe(400);
  });
});

describe("an admin's export", () => {
  it('holds the whole roster and none of the training data, which admins do not see', async () => {
    const admin = await s.login('admin@demo.test');
    const doc = await json(admin.accessToken);
    expect(doc.people.map((p) => p.id)).toEqual(expect.arrayContaining([coach.id, coach2Id, client.id, client2.id, client3Id]));
    expect(doc.assignments.length).toBeGreaterThanOrEqual(3);
    expect(doc.logs).toEqual([]);
    expect(doc.sessions).toEqual([]);
    const z = await zip(admin.accessToken);
    expect(z.csv('people.csv').length).toBe(doc.people.length);
  });
});

describe('reading page by page', () => {
  it('gives the same documents in small pages as in one', async () => {
    const scope = await exportScope(s.app.repo, { id: coach.id, role: 'coach' }, undefined);
    const all = async (size: number) => {
      const ids: string[] = [];
      for await (const page of visiblePages(s.app.repo, scope, 'logs', size)) {
        expect(page.length).toBeLessThanOrEqual(size);
        ids.push(...page.map((d) => d.id));
      }
      return ids;
    };
    const whole = await all(100_000);
    expect(whole.length).toBeGreaterThan(7);
    expect(await all(7)).toEqual(whole);
  });
});

describe('OpenAPI', () => {
  it('documents GET /api/export', async () => {
    const res = await s.api(null, 'GET', '/api/docs/json');
    expect(res.body.paths['/api/export'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['clientId', 'format']);
  });
});
