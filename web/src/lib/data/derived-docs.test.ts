import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exerciseFromCatalogue, recommendationId, type CatalogueEntry, type Exercise, type Recommendation } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { internals } from './internals.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// docs/DESIGN.md "Derived documents": documents whose id a rule gives — the engine's
// recommendation of the week, a coach's copy of a catalogue entry — are written by every device
// of the coach that derives them. A device that had not yet received the coach's copy (offline)
// derives it again; that copy must never undo what the coach did to it meanwhile on another
// device. Found by the long simulation (seed 1438394204: an approved recommendation's edited
// title replaced by the engine's).
let server: TestServer;

/** The document's own fields, in one key order (not the bookkeeping of either side). */
const fieldsOf = (d: object) => JSON.stringify(Object.entries(d).filter(([k]) => !['fieldClocks', 'updatedAt', '_deleted', '_meta', '_rev', '_attachments'].includes(k)).sort(([a], [b]) => a.localeCompare(b)));
const sameFields = (a: object, b: object) => fieldsOf(a) === fieldsOf(b);

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/**
 * Device B signs in and goes offline; device A derives the document, the coach changes it, it
 * syncs; B, still offline, derives the same document, then comes online. Answers B's and the
 * server's copies once B has nothing left to send.
 */
async function deriveOnBoth<T extends { id: string }>(
  collection: 'recommendations' | 'exercises',
  derive: (device: Awaited<ReturnType<TestBrowser['open']>>, coachId: string, clientId: string) => Promise<T>,
  change: (device: Awaited<ReturnType<TestBrowser['open']>>, doc: T) => Promise<unknown>,
) {
  const clientId = (await server.login('client@demo.test')).user.id;
  const b = new TestBrowser(server.url);
  let deviceB = await b.open();
  const coach = await deviceB.signIn('coach@demo.test', 'spotter-demo');
  await until(() => deviceB.syncState$.value, (s) => s.pending === 0 && s.initialSync === 1);
  b.setOnline(deviceB, false);
  await deviceB.close();

  const a = new TestBrowser(server.url);
  const deviceA = await a.open();
  await deviceA.signIn('coach@demo.test', 'spotter-demo');
  const doc = await derive(deviceA, coach.id, clientId);
  await until(() => deviceA.syncState$.value.pending, (n) => n === 0);
  await change(deviceA, doc);
  await until(() => deviceA.syncState$.value.pending, (n) => n === 0);
  await deviceA.close();

  deviceB = await b.open();
  deviceB.resumeSession();
  expect(await internals(deviceB).store.get(collection, doc.id)).toBeNull();
  await derive(deviceB, coach.id, clientId);
  b.setOnline(deviceB, true);
  await until(() => deviceB.syncState$.value.pending, (n) => n === 0);
  const token = internals(deviceB).api.accessToken()!;
  const onServer = (await serverDocs<T>(server.url, token, collection)).find((d) => d.id === doc.id);
  // B holds what the server holds (its answer to B's push, or a pull after it).
  const onB = await until(() => internals(deviceB).store.get(collection, doc.id), (d) => !!d && !!onServer && sameFields(d, onServer));
  await deviceB.close();
  return { onB: onB as unknown as T, onServer: onServer! };
}

describe('a document derived on two devices of one coach', () => {
  it("the engine's recommendation, derived again offline, keeps the coach's approval and wording", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { onB, onServer } = await deriveOnBoth<Recommendation>(
      'recommendations',
      async (device, coachId, clientId) => {
        const now = new Date().toISOString();
        const rec: Recommendation = {
          id: recommendationId(clientId, 'deload:squat', today), coachId, clientId, kind: 'deload', priority: 1, pattern: 'squat', exerciseId: null,
          title: 'Deload the squat', reason: 'Three sessions without progress.', status: 'pending', createdAt: now, updatedAt: now,
        };
        await device.commands.saveRecommendation(rec);
        return rec;
      },
      (device, rec) => device.commands.updateRecommendation(rec.id, { title: 'Take a lighter squat week', status: 'approved' }),
    );
    for (const doc of [onB, onServer]) expect(doc).toMatchObject({ title: 'Take a lighter squat week', status: 'approved', reason: 'Three sessions without progress.' });
  });

  it("a catalogue exercise, adopted again offline, keeps the coach's own name and cues", async () => {
    const entry: CatalogueEntry = {
      id: 'Derived_Test_Squat', name: 'Derived Test Squat', category: 'strength', equipment: 'barbell', level: 'beginner', force: 'push', mechanic: 'compound',
      primary: ['quadriceps'], secondary: ['glutes'], photos: [],
    };
    const { onB, onServer } = await deriveOnBoth<Exercise>(
      'exercises',
      async (device, coachId) => {
        const doc = exerciseFromCatalogue(entry, coachId, new Date().toISOString());
        await device.commands.adoptExercise(doc);
        return doc;
      },
      (device, doc) => device.commands.saveExercise({ ...doc, name: 'High-bar squat', description: 'Chest up, knees out.' }),
    );
    for (const doc of [onB, onServer]) expect(doc).toMatchObject({ name: 'High-bar squat', description: 'Chest up, knees out.' });
  });
});
