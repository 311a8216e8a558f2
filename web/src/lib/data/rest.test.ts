import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewTrainer } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { Api, HttpError, type Fetch } from './api.ts';
import { pullAnswerSchema, pushAnswerSchema, streamEventSchema } from '@spotter/shared/answers.ts';
import { createRest, MalformedAnswerError, parseAnswer } from './rest.ts';
import { memorySessionStore } from './session-store.ts';

// The REST commands against the real server. A malformed answer is made by changing the real
// server's answer on its way back (as a broken proxy or an out-of-step server would).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function restAs(email: string, rewrite?: (path: string, body: any) => unknown, password = 'spotter-demo') {
  const fetch: Fetch = async (input, init) => {
    const res = await globalThis.fetch(input, init);
    const path = new URL(String(input)).pathname;
    // Only the answers under test are broken; signing in stays as the server answers it.
    if (!rewrite || !res.ok || path.startsWith('/api/auth/')) return res;
    return new Response(JSON.stringify(rewrite(path, await res.json())), { status: res.status, headers: res.headers });
  };
  // Signed in through the Api itself, as a device is: the refresh token stays in its cookie jar.
  const api = new Api({ baseUrl: server.url, fetch, sessions: memorySessionStore(), onSignInNeeded: () => undefined });
  await api.login(email, password);
  return createRest(api);
}

const stamp = Date.now();
const trainer = (email: string): NewTrainer => ({
  email, firstName: 'Rae', lastName: 'Rest', password: 'a-long-password', isPersonalTrainer: true, specializations: [], certifications: [],
  maxClients: 5, hourlyRate: null, bio: '', yearsExperience: null,
});

describe('the REST commands', () => {
  it('answer parsed, typed documents', async () => {
    const admin = await restAs('admin@demo.test');
    const coach = await admin.createTrainer(trainer(`rest-coach-${stamp}@demo.test`));
    expect(coach).toMatchObject({ role: 'coach', email: `rest-coach-${stamp}@demo.test`, maxClients: 5 });

    const mine = await restAs(coach.email, undefined, 'a-long-password');
    const added = await mine.addClient({ email: `rest-client-${stamp}@demo.test`, firstName: 'Cy', lastName: 'Rest', password: 'a-long-password' });
    expect(added.assignment).toMatchObject({ clientId: added.client.id, coachId: coach.id, status: 'active' });

    const other = await admin.createTrainer(trainer(`rest-other-${stamp}@demo.test`));
    const moved = await admin.assignClients({ clientIds: [added.client.id], coachId: other.id });
    expect(moved.assignments).toMatchObject([{ clientId: added.client.id, coachId: other.id, status: 'active' }]);
    expect(moved.ended).toMatchObject([{ clientId: added.client.id, coachId: coach.id, status: 'completed' }]);
  });

  it("pass on the server's refusal with its message", async () => {
    const admin = await restAs('admin@demo.test');
    const error = await admin.createTrainer(trainer('coach@demo.test')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(409);
  });

  it('turn a malformed answer into a clear error naming the field, never a value for the page', async () => {
    const admin = await restAs('admin@demo.test', (_path, body) => ({ ...body, email: 42 }));
    const error = await admin.createTrainer(trainer(`rest-bad-${stamp}@demo.test`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedAnswerError);
    expect((error as Error).message).toMatch(/^The server's answer to \/api\/admin\/trainers could not be read \(email: .+\)\./);

    const notAnObject = await restAs('admin@demo.test', () => 'Bad gateway');
    const gateway = await notAnObject.createTrainer(trainer(`rest-bad2-${stamp}@demo.test`)).catch((e: unknown) => e);
    expect(gateway).toBeInstanceOf(MalformedAnswerError);
    expect((gateway as Error).message).toContain('(the answer: ');
  });
});

describe('the sync answers', () => {
  const doc = { id: 's1', title: 'Legs', _deleted: false };
  it.each([
    ['a pull page', pullAnswerSchema, { documents: [doc], checkpoint: { seq: 4 } }],
    ['the last pull page', pullAnswerSchema, { documents: [], checkpoint: null }],
    ['a push answer: a patch and a refusal', pushAnswerSchema, [{ id: 's1', _patch: { status: 'published' } }, { ...doc, _refusal: 'No.' }]],
    ['a stream event', streamEventSchema, { collection: 'sessions', documents: [doc], checkpoint: { seq: 5 } }],
    ['a stream RESYNC', streamEventSchema, 'RESYNC'],
  ] as const)('%s is read', (_name, schema, answer) => {
    expect(parseAnswer(schema, '/api/sync', answer)).toEqual(answer);
  });

  it.each([
    ['a page without documents', pullAnswerSchema, { checkpoint: null }, 'documents'],
    ['a document without an id', pullAnswerSchema, { documents: [{ title: 'x', _deleted: false }], checkpoint: null }, 'documents.0.id'],
    ['a checkpoint the device cannot resume from', pullAnswerSchema, { documents: [], checkpoint: { seq: -1 } }, 'checkpoint.seq'],
    ['a push answer that is not a list', pushAnswerSchema, { ok: true }, 'the answer'],
    ['an event of no kind', streamEventSchema, 'HELLO', 'the answer'],
  ] as const)('%s is a MalformedAnswerError naming %s', (_name, schema, answer, where) => {
    const error = (() => {
      try {
        parseAnswer(schema, '/api/sync/sessions/pull', answer);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MalformedAnswerError);
    expect((error as Error).message).toContain(`(${where}: `);
  });
});
