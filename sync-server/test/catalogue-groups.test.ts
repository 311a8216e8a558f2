import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, adoptedId, exerciseFromCatalogue, todayLocal, type CatalogueEntry } from '@spotter/shared';
import { prescription, session } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from './helper.ts';
import { coachAndClient, now, pullAll, push, type Who } from './wire.ts';

// The real server on a real SQLite file: a coach's copy of a catalogue entry and a session
// holding a superset travel whole, and the client sees both (docs/DESIGN.md "Exercise
// catalogue", docs/DESIGN.md "Supersets and circuits").

let s: TestServer;
let coach: Who;
let client: Who;
beforeAll(async () => {
  s = await startTestServer();
  ({ coach, client } = await coachAndClient(s));
});
afterAll(() => s?.close());

const crossover: CatalogueEntry = {
  id: 'Cable_Crossover', name: 'Cable Crossover', category: 'strength', force: 'push', level: 'beginner', mechanic: 'isolation',
  equipment: 'cable', primary: ['chest'], secondary: ['shoulders'], photos: [[320, 214], [320, 214]],
};

describe('catalogue exercises and supersets on the server', () => {
  it('stores an adopted exercise with its catalogueId, publishes a grouped session that uses it, and the client receives both', async () => {
    const ex = exerciseFromCatalogue(crossover, coach.id, now());
    expect(ex.id).toBe(adoptedId(coach.id, 'Cable_Crossover'));
    expect(await push(s, coach.token, 'exercises', [{ doc: ex }])).toEqual([]);
    const rx = [
      prescription({ id: 'grp-a1', exerciseId: ex.id, sets: 3, group: 'g1' }),
      prescription({ id: 'grp-a2', exerciseId: ex.id, sets: 3, reps: '12', group: 'g1' }),
      prescription({ id: 'grp-b', exerciseId: ex.id, sets: 2 }),
    ];
    const doc = session({ id: 'ses-grouped', coachId: coach.id, clientId: client.id, dueDate: addDaysTo(todayLocal(), 2), status: 'submitted', submittedAt: now(), exercises: rx, createdAt: now(), updatedAt: now() });
    // A submit is answered with the server's decision.
    expect(await push(s, coach.token, 'sessions', [{ doc }])).toMatchObject([{ id: 'ses-grouped', status: 'published', rejection: null }]);
    const seen = (await pullAll(s, client.token, 'sessions')).docs.find((d) => d.id === 'ses-grouped')!;
    expect(seen.status).toBe('published');
    expect(seen.exercises.map((p: { group?: string | null }) => p.group ?? null)).toEqual(['g1', 'g1', null]);
    const theirs = (await pullAll(s, client.token, 'exercises')).docs.find((d) => d.id === ex.id);
    expect(theirs).toMatchObject({ catalogueId: 'Cable_Crossover', ownerId: coach.id, name: 'Cable Crossover' });
  });

  it('refuses a group that is not an id, with the field named', async () => {
    const doc = session({ id: 'ses-bad-group', coachId: coach.id, clientId: client.id, status: 'draft', exercises: [prescription({ id: 'bad-1', group: 'not an id!' })], createdAt: now(), updatedAt: now() });
    const res = await s.api(coach.token, 'POST', '/api/sync/sessions/push', [{ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/group/);
  });
});
