import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, Viewer } from '@spotter/shared';
import { person, session } from '@spotter/shared/fixtures.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import type { Repository } from '../src/storage/repository.ts';
import { pull } from '../src/sync/pull.ts';
import { startTestServer, type TestServer } from './helper.ts';

// A reassignment committed while a pull is under way (sim seed 578494647 on PostgreSQL: coachB
// never received the 13 sessions of a client an admin had just moved to them). The move gives
// the client's rows new seqs so every device's next pull re-evaluates them; a pull that read
// the coach's relations just before the move, and its page just after, judged them by the old
// relations: left out as another coach's (while a later row of its own clients moved the
// checkpoint past them), or sent in full to the coach who had just lost the client. The real
// repository, with the admin's move run at that exact moment (after the pull's read of the
// assignments).

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = (await server.login('admin@demo.test')).accessToken;
});
afterAll(() => server?.close());

let n = 0;
async function client(coachId: string): Promise<string> {
  const id = `race-client-${++n}`;
  await server.app.repo.createUser(person({ id, email: `race${n}@demo.test`, firstName: `Race${n}`, lastName: 'Client', updatedAt: new Date().toISOString() }), await hashPassword('a-long-password'));
  expect((await server.api(admin, 'POST', '/api/admin/assignments/bulk', { clientIds: [id], coachId })).status).toBe(200);
  return id;
}

/** The repository, running `meanwhile` once, right after the first read of the assignments. */
function racing(repo: Repository, meanwhile: () => Promise<void>): Repository {
  let done = false;
  return new Proxy(repo, {
    get(target, prop) {
      if (prop === 'find') {
        return async (...args: Parameters<Repository['find']>) => {
          const out = await target.find(...args);
          if (args[0] === 'assignments' && !done) {
            done = true;
            await meanwhile();
          }
          return out;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function trainer(): Promise<string> {
  const made = await server.api<Person>(admin, 'POST', '/api/admin/trainers', {
    email: `race-trainer-${++n}@demo.test`, firstName: 'Rae', lastName: 'Trainer', password: 'a-long-password', maxClients: 5,
    isPersonalTrainer: true, specializations: [], certifications: [], hourlyRate: 50, bio: '', yearsExperience: 2,
  });
  expect(made.status).toBe(201);
  return made.body.id;
}

/** Every session the coach's device holds after pulling on from `checkpoint`, as the server last sent it. */
async function pullOn(viewer: Viewer, first: Awaited<ReturnType<typeof pull>>) {
  const held = new Map(first.documents.map((d) => [d.id as string, d]));
  let checkpoint = first.checkpoint;
  for (;;) {
    const next = await pull(server.app.repo, viewer, 'sessions', checkpoint, 500);
    for (const d of next.documents) held.set(d.id as string, d);
    if (!next.documents.length) return held;
    checkpoint = next.checkpoint;
  }
}

describe('a pull while an admin reassigns a client', () => {
  it("to the pulling coach misses none of the client's rows", async () => {
    const repo = server.app.repo;
    const coachA = (await server.login('coach@demo.test')).user.id;
    const coachB = await trainer();
    const moved = await client(coachA);
    const own = await client(coachB);
    const movedSessions = ['race-s1', 'race-s2', 'race-s3'];
    for (const id of movedSessions) await repo.put('sessions', session({ id, coachId: coachA, clientId: moved }), false);
    await repo.put('sessions', session({ id: 'race-own-1', coachId: coachB, clientId: own }), false);
    // Coach B's device has pulled everything up to here.
    const from = await repo.maxSeq();

    const viewer: Viewer = { id: coachB, role: 'coach' };
    const page = await pull(racing(repo, async () => {
      expect((await server.api(admin, 'POST', '/api/admin/assignments/bulk', { clientIds: [moved], coachId: coachB })).status).toBe(200);
      await repo.put('sessions', session({ id: 'race-own-2', coachId: coachB, clientId: own }), false);
    }), viewer, 'sessions', { seq: from }, 500);

    // The device goes on from the page's checkpoint, as it would.
    const held = await pullOn(viewer, page);
    expect([...movedSessions, 'race-own-2'].filter((id) => !held.has(id) || held.get(id)!._deleted)).toEqual([]);
  });

  it('away from the pulling coach leaves none of its rows on their device', async () => {
    const repo = server.app.repo;
    const coachA = await trainer();
    const coachB = await trainer();
    const moved = await client(coachA);
    const own = await client(coachA);
    await repo.put('sessions', session({ id: 'away-s1', coachId: coachA, clientId: moved }), false);
    await repo.put('sessions', session({ id: 'away-own-1', coachId: coachA, clientId: own }), false);
    const viewer: Viewer = { id: coachA, role: 'coach' };
    const before = await pullOn(viewer, await pull(repo, viewer, 'sessions', null, 500));
    expect(before.get('away-s1')?._deleted).toBe(false);

    const page = await pull(racing(repo, async () => {
      expect((await server.api(admin, 'POST', '/api/admin/assignments/bulk', { clientIds: [moved], coachId: coachB })).status).toBe(200);
    }), viewer, 'sessions', { seq: await repo.maxSeq() }, 500);
    const held = await pullOn(viewer, page);
    // Their device ends holding what a fresh pull gives them now (a tombstone), not the full
    // session of a stale page, kept for good.
    const now = await pullOn(viewer, await pull(repo, viewer, 'sessions', null, 500));
    expect(held.get('away-s1')).toEqual(now.get('away-s1'));
  });
});
