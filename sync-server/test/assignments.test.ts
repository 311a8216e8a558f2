import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections, type Assignment, type CollectionName } from '@spotter/shared';
import { startTestServer, type TestServer } from './helper.ts';
import { now, pullAll, push, visible, type Wire } from './wire.ts';

let s: TestServer;
let admin: string;
let coach: { token: string; id: string };
let coach2: { token: string; id: string };
let client: { token: string; id: string };

beforeAll(async () => {
  s = await startTestServer();
  admin = (await s.login('admin@demo.test')).accessToken;
  const [c, c2, m] = [await s.login('coach@demo.test'), await s.login('coach2@demo.test'), await s.login('client@demo.test')];
  coach = { token: c.accessToken, id: c.user.id };
  coach2 = { token: c2.accessToken, id: c2.user.id };
  client = { token: m.accessToken, id: m.user.id };
});
afterAll(() => s?.close());

const perClient: CollectionName[] = ['sessions', 'logs', 'messages', 'notes', 'plans', 'recommendations'];

describe('ending and moving an assignment', () => {
  it("removes the client's documents from the old coach's devices at the next pull, and gives them to the new coach", async () => {
    // The old coach's devices are up to date.
    const checkpoints = new Map<CollectionName, { seq: number } | null>();
    for (const c of [...perClient, 'people'] as CollectionName[]) {
      const { docs, checkpoint } = await pullAll(s, coach.token, c);
      checkpoints.set(c, checkpoint);
      if (c !== 'people') expect(visible(docs).some((d) => d.clientId === client.id)).toBe(true);
    }

    const current = visible((await pullAll<Assignment>(s, admin, 'assignments')).docs).find((a) => a.clientId === client.id && a.status === 'active')!;
    const { _deleted, ...doc } = current;
    const ended = { ...doc, status: 'completed' as const, endDate: doc.startDate, updatedAt: now() };
    expect(await push(s, admin, 'assignments', [{ doc: ended, assumed: current }])).toEqual([]);

    // From its own checkpoint, the old coach receives only tombstones for this client.
    for (const c of perClient) {
      const { docs } = await pullAll(s, coach.token, c, checkpoints.get(c)!);
      const theirs = docs.filter((d) => d.clientId === client.id);
      expect(theirs.length, c).toBeGreaterThan(0);
      for (const d of theirs) {
        expect(d._deleted, `${c} ${d.id}`).toBe(true);
        const { _deleted: _, ...fields } = d;
        expect(collections[c].schema.safeParse(fields).error).toBeUndefined();
      }
    }
    const people = (await pullAll(s, coach.token, 'people', checkpoints.get('people')!)).docs;
    expect(people.find((p) => p.id === client.id)).toMatchObject({ _deleted: true, firstName: '(hidden)' });

    // A new active assignment with coach2 (allowed now that the old one ended).
    const next: Assignment = { ...doc, id: 'asg-move', coachId: coach2.id, startDate: doc.startDate, endDate: null, createdAt: now(), updatedAt: now() };
    expect(await push(s, admin, 'assignments', [{ doc: next }])).toEqual([]);
    const sessions = visible((await pullAll(s, coach2.token, 'sessions')).docs).filter((d) => d.clientId === client.id);
    // coach2 sees the client's published history, never coach 1's drafts.
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((d) => d.status === 'published')).toBe(true);
    expect(visible((await pullAll(s, coach2.token, 'people')).docs).map((p) => p.id)).toContain(client.id);
    // The client's device: the new coach's person appears, the old one goes.
    const clientPeople = (await pullAll(s, client.token, 'people')).docs;
    expect(clientPeople.find((p) => p.id === coach2.id)?._deleted).toBe(false);
    expect(clientPeople.find((p) => p.id === coach.id)?._deleted).toBe(true);
  });

  it('refuses a second active assignment for a client, with the reason', async () => {
    const doc: Assignment = {
      id: 'asg-second', clientId: client.id, coachId: coach.id, status: 'active', assignedBy: null, startDate: null, endDate: null, notes: '', createdAt: now(), updatedAt: now(),
    };
    const answer = await push(s, admin, 'assignments', [{ doc }]);
    expect(answer).toEqual([expect.objectContaining({ id: 'asg-second', _deleted: true, _refusal: 'This client already has an active trainer; end that assignment first.' })]);
    expect((await s.app.repo.get('assignments', 'asg-second'))).toBeNull();
  });

  it('refuses an assignment beyond the trainer capacity', async () => {
    // The admin lowers coach 1's capacity to their current active count (1: client3).
    const people = (await pullAll(s, admin, 'people')).docs as Wire[];
    const c1 = people.find((p) => p.id === coach.id)!;
    const { _deleted, ...doc } = c1;
    expect(await push(s, admin, 'people', [{ doc: { ...doc, maxClients: 1, updatedAt: now() }, assumed: c1 }])).toEqual([]);
    const moved = (await s.app.repo.get('assignments', 'asg-move'))!.doc as Assignment;
    const back = { ...moved, coachId: coach.id, id: 'asg-back', createdAt: now(), updatedAt: now() };
    expect(await push(s, admin, 'assignments', [{ doc: { ...moved, status: 'completed', updatedAt: now() }, assumed: { ...moved, _deleted: false } }])).toEqual([]);
    const answer = await push(s, admin, 'assignments', [{ doc: back }]);
    expect(answer[0]?._refusal).toBe('This trainer is at capacity (1/1).');
  });
});
