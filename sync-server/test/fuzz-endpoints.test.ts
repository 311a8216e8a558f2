import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { collectionNames, collections, newClientSchema, type CollectionName } from '@spotter/shared';
import { samples } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';

/**
 * A fuzzed body for every endpoint. Bodies are valid documents from the shared
 * fixtures mutated field by field (the fields come from the shared zod schemas: dropped, given
 * a wrong type or a random JSON value, joined by unknown ones), random JSON, and text that is
 * not JSON at all. Whatever arrives: never a 5xx, every 4xx says why ({error, message}), and a
 * refused request leaves the database exactly as it was (no partial write). On both stores
 * (vitest.config.ts storeTests).
 */
let server: TestServer;
let db: Database.Database | null = null;
let pgClient: pg.Client | null = null;
let tokens: { coach: string; client: string; admin: string };
let coachIds: { coach: string; client: string };

beforeAll(async () => {
  // Generous login limits: a fuzzed login must meet the validation, not the rate limiter.
  const generous = { max: 10_000, windowMs: 60_000 };
  server = await startTestServer({ loginLimits: { perAccountAndAddress: generous, perAccount: generous, perAddress: generous } });
  const [coach, client, admin] = await Promise.all(['coach@demo.test', 'client@demo.test', 'admin@demo.test'].map((e) => server.login(e)));
  tokens = { coach: coach!.accessToken, client: client!.accessToken, admin: admin!.accessToken };
  coachIds = { coach: coach!.user.id, client: client!.user.id };
  if (server.databaseUrl) {
    pgClient = new pg.Client({ connectionString: server.databaseUrl });
    await pgClient.connect();
  } else db = new Database(server.dbPath, { readonly: true });
});
afterAll(async () => {
  db?.close();
  await pgClient?.end();
  await server?.close();
});

/**
 * Every table's row count and the seq counter: any write of user data shows up here. The
 * failed-sign-in counters are left out on purpose: counting a refused login is the point.
 */
async function fingerprint(): Promise<string> {
  if (pgClient) {
    const query = async (sql: string) => (await pgClient!.query(sql)).rows;
    const tables = (await query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rate_counters' ORDER BY table_name")).map((r) => r.name as string);
    const counts = await Promise.all(tables.map(async (t) => `${t}=${(await query(`SELECT count(*)::int AS n FROM "${t}"`))[0].n}`));
    return `${counts.join(',')} ${JSON.stringify(await query('SELECT * FROM seq_counter'))}`;
  }
  const tables = db!
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'rate_counters' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = tables.map((t) => `${t}=${db!.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()}`);
  const seq = db!.prepare('SELECT * FROM seq_counter').all();
  return `${counts.join(',')} ${JSON.stringify(seq)}`;
}

const json = fc.jsonValue({ maxDepth: 3 });
/** A value of the wrong kind for almost any field. */
const wrong = fc.oneof(json, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.string({ minLength: 5000, maxLength: 9000 }));

/** A valid document of `collection`, then 1–4 mutations of fields named by its zod schema. */
function mutatedDoc(collection: CollectionName, owned: Record<string, string>) {
  const keys = Object.keys(collections[collection].schema.shape);
  const mutation = fc.oneof(
    fc.record({ op: fc.constant('drop' as const), key: fc.constantFrom(...keys) }),
    fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...keys), value: wrong }),
    fc.record({ op: fc.constant('set' as const), key: fc.string({ minLength: 1, maxLength: 12 }), value: json }),
  );
  return fc.tuple(fc.array(mutation, { minLength: 0, maxLength: 4 }), fc.boolean(), fc.uuid()).map(([mutations, deleted, id]) => {
    const doc: Record<string, unknown> = { ...samples[collection](), id, ...owned, _deleted: deleted };
    for (const m of mutations) {
      if (m.op === 'drop') delete doc[m.key];
      else doc[m.key] = m.value;
    }
    return doc;
  });
}

const ownedBy = (collection: CollectionName) => {
  const o: Record<string, string> = {};
  const shape = collections[collection].schema.shape as Record<string, unknown>;
  if ('coachId' in shape) o.coachId = coachIds.coach;
  if ('clientId' in shape) o.clientId = coachIds.client;
  if ('authorId' in shape) o.authorId = coachIds.coach;
  return o;
};

function pushBody(collection: CollectionName) {
  const doc = mutatedDoc(collection, ownedBy(collection));
  const row = fc.record({ assumedMasterState: fc.oneof(fc.constant(null), doc, json), newDocumentState: doc }, { requiredKeys: ['newDocumentState'] });
  return fc.oneof({ weight: 6, arbitrary: fc.array(row, { maxLength: 5 }) }, json, fc.array(json, { maxLength: 3 }));
}

const pullBody = fc.oneof(
  fc.record({ checkpoint: fc.oneof(fc.constant(null), fc.record({ seq: fc.oneof(fc.integer(), fc.double(), wrong) }), wrong), batchSize: fc.oneof(fc.integer({ min: -5, max: 2000 }), wrong) }, { requiredKeys: [] }),
  json,
);

const newClient = fc
  .tuple(fc.record({ email: fc.oneof(fc.emailAddress(), wrong), firstName: fc.oneof(fc.string(), wrong), lastName: fc.oneof(fc.string(), wrong), password: fc.oneof(fc.string(), wrong) }, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 2 }))
  .map(([fields, extra]) => ({ ...extra, ...fields }));

/** A body: a fuzzed value as JSON, or text that is not JSON at all. */
const asBody = (arb: fc.Arbitrary<unknown>) => fc.oneof({ weight: 8, arbitrary: arb.map((v) => JSON.stringify(v) ?? 'null') }, fc.string({ maxLength: 200 }));

async function send(method: string, path: string, token: string | null, body: string | undefined) {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body,
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // checked below
  }
  return { status: res.status, body: parsed, text };
}

/** The property every endpoint must hold, whatever `body` is. */
async function holds(method: string, path: string, token: string | null, body: string | undefined): Promise<void> {
  // An accepted reminder plans its jobs in the background (scheduler/scheduler.ts): that write
  // belongs to the request before, not to the one about to be refused.
  await server.app.scheduler.settled();
  const before = await fingerprint();
  const res = await send(method, path, token, body);
  await server.app.scheduler.settled();
  const what = `${method} ${path} ${body?.slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.body, what).toMatchObject({ error: expect.any(String), message: expect.stringMatching(/\S/) });
    expect(await fingerprint(), `a refused request wrote something: ${what}`).toBe(before);
  }
}

const RUNS = 50; // ~600 requests in all: a few seconds on 2 cores

describe('fuzzed bodies: never a 5xx, every 4xx says why, nothing half-written', () => {
  it.each(collectionNames)('POST /api/sync/%s/push', async (collection) => {
    await fc.assert(fc.asyncProperty(asBody(pushBody(collection)), fc.constantFrom('coach', 'client', 'admin'), (body, who) => holds('POST', `/api/sync/${collection}/push`, tokens[who], body)), { numRuns: RUNS });
  });

  it.each(collectionNames)('POST /api/sync/%s/pull', async (collection) => {
    await fc.assert(fc.asyncProperty(asBody(pullBody), (body) => holds('POST', `/api/sync/${collection}/pull`, tokens.coach, body)), { numRuns: RUNS / 2 });
  });

  it('POST /api/sync/<fuzzed collection>/push and pull', async () => {
    await fc.assert(fc.asyncProperty(fc.stringMatching(/^[a-zA-Z0-9_.-]{1,20}$/), fc.constantFrom('push', 'pull'), asBody(json), (name, kind, body) => holds('POST', `/api/sync/${name}/${kind}`, tokens.coach, body)), { numRuns: RUNS });
  });

  it.each([
    ['/api/auth/login', fc.record({ email: fc.oneof(fc.emailAddress(), wrong), password: fc.oneof(fc.string(), wrong) }, { requiredKeys: [] })],
    ['/api/auth/refresh', fc.record({ refreshToken: fc.oneof(fc.string(), wrong) }, { requiredKeys: [] })],
    ['/api/auth/logout', fc.record({ refreshToken: fc.oneof(fc.string(), wrong) }, { requiredKeys: [] })],
    ['/api/auth/forgot-password', fc.record({ email: fc.oneof(fc.emailAddress(), wrong) }, { requiredKeys: [] })],
    ['/api/auth/reset-password', fc.record({ token: fc.oneof(fc.string(), wrong), password: fc.oneof(fc.string(), wrong) }, { requiredKeys: [] })],
    ['/api/auth/invite/preview', fc.record({ token: fc.oneof(fc.string(), wrong) }, { requiredKeys: [] })],
    ['/api/auth/invite/accept', fc.record({ token: fc.oneof(fc.string(), wrong), password: fc.oneof(fc.string(), wrong) }, { requiredKeys: [] })],
    ['/api/auth/confirm-email', fc.record({ token: fc.oneof(fc.string(), wrong) }, { requiredKeys: [] })],
  ] as const)('POST %s', async (path, arb) => {
    await fc.assert(fc.asyncProperty(asBody(fc.oneof(arb, json)), (body) => holds('POST', path, null, body)), { numRuns: RUNS });
  });

  it('POST /api/clients (newClientSchema fields, mutated)', async () => {
    expect(Object.keys(newClientSchema.shape).sort()).toEqual(['email', 'firstName', 'lastName', 'password']);
    await fc.assert(fc.asyncProperty(asBody(fc.oneof(newClient, json)), fc.constantFrom('coach', 'client', 'admin'), (body, who) => holds('POST', '/api/clients', tokens[who], body)), { numRuns: RUNS });
  });

  it('POST /api/sessions (session documents, mutated)', async () => {
    await fc.assert(fc.asyncProperty(asBody(fc.oneof(mutatedDoc('sessions', ownedBy('sessions')), json)), fc.constantFrom('coach', 'client'), (body, who) => holds('POST', '/api/sessions', tokens[who], body)), { numRuns: RUNS });
  });

  it('POST /api/invites', async () => {
    const invite = fc.record({
      role: fc.oneof(fc.constantFrom('client', 'coach'), wrong), email: fc.oneof(fc.emailAddress(), wrong),
      firstName: fc.oneof(fc.string(), wrong), lastName: fc.oneof(fc.string(), wrong), maxClients: fc.oneof(fc.integer(), wrong),
    }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(asBody(fc.oneof(invite, json)), fc.constantFrom('coach', 'client', 'admin'), (body, who) => holds('POST', '/api/invites', tokens[who], body)), { numRuns: RUNS });
  });

  it.each(['/api/account/password', '/api/account/email'])('POST %s', async (path) => {
    const arb = fc.record({ currentPassword: fc.oneof(fc.string(), wrong), newPassword: fc.oneof(fc.string(), wrong), password: fc.oneof(fc.string(), wrong), newEmail: fc.oneof(fc.emailAddress(), wrong) }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(asBody(fc.oneof(arb, json)), (body) => holds('POST', path, tokens.client, body)), { numRuns: RUNS / 2 });
  });

  it.each(['/api/admin/trainers', '/api/admin/assignments/bulk'])('POST %s', async (path) => {
    const arb = fc.oneof(json, fc.dictionary(fc.constantFrom('email', 'firstName', 'lastName', 'password', 'coachId', 'clientIds', 'maxClients', 'specializations'), wrong));
    await fc.assert(fc.asyncProperty(asBody(arb), fc.constantFrom('admin', 'coach'), (body, who) => holds('POST', path, tokens[who], body)), { numRuns: RUNS });
  });

  it('GET routes with fuzzed ids and query strings', async () => {
    const segment = fc.string({ maxLength: 40 }).map(encodeURIComponent);
    const path = fc.oneof(
      segment.map((id) => `/api/clients/${id}`),
      segment.map((id) => `/api/sessions/${id}`),
      fc.tuple(segment, segment, segment).map(([id, from, to]) => `/api/clients/${id}/sessions?from=${from}&to=${to}`),
      fc.tuple(segment, segment).map(([from, to]) => `/api/clients/${coachIds.client}/sessions?from=${from}&to=${to}`),
    );
    await fc.assert(fc.asyncProperty(path, fc.constantFrom('coach', 'client', 'admin'), (p, who) => holds('GET', p, tokens[who], undefined)), { numRuns: RUNS * 2 });
  });
});
