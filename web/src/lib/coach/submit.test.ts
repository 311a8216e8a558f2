import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { addDaysTo, todayLocal, type Exercise, type TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Device } from '../data/device.ts';
import { localDoc, localDocs, syncedCoach, until } from '../data/test-device.ts';
import { newPrescription, submitSession } from './draft.ts';
import { coachWrites } from './queue.ts';

// The coach's device (real RxDB on fake-indexeddb) against the REAL sync server: drafts made
// with sync stopped are submitted, and the server's answer — published, or draft with its
// reason — comes back into the same document. Nothing is mocked.
let server: TestServer;
let device: Device;
let clientId: string;
let library: Exercise[];

beforeAll(async () => {
  server = await startTestServer();
  ({ device, clientId, library } = await syncedCoach(server));
});

afterAll(async () => {
  await device?.close();
  await server?.close();
});

const pullAs = async (token: string) =>
  (await server.api<{ documents: TrainingSession[] }>(token, 'POST', '/api/sync/sessions/pull', { checkpoint: null, batchSize: 1000 })).body.documents;

describe('submitting drafts made offline', () => {
  it('publishes a valid draft and keeps a refused one as a draft with the reason, content intact', async () => {
    const me = device.syncState$.value.user!.id;
    await device.stopSync(); // offline from here
    const w = coachWrites(device.commands, me);
    const rx = (ex: Exercise) => newPrescription(ex, device.commands.newId());
    const good = await w.addDraft(clientId);
    await w.save({ ...good, dueDate: addDaysTo(todayLocal(), 2), title: 'Node: good', exercises: [rx(library[0]!), rx(library[1]!)] });
    const bad = await w.addDraft(clientId);
    // A date the server will refuse (stands for "the day passed before the device synced").
    await w.save({ ...bad, dueDate: addDaysTo(todayLocal(), -1), title: 'Node: late', exercises: [rx(library[2]!)] });

    for (const id of [good.id, bad.id]) await w.save(submitSession((await localDoc(device, 'sessions', id))!, new Date().toISOString()));
    device.startSync();

    const published = await until(() => localDoc(device, 'sessions', good.id), (s) => s?.status === 'published');
    expect(published).toMatchObject({ title: 'Node: good', rejection: null });
    const refused = await until(() => localDoc(device, 'sessions', bad.id), (s) => s?.status === 'draft' && !!s.rejection);
    expect(refused!.rejection).toMatch(/has passed/);
    expect(refused).toMatchObject({ title: 'Node: late', exercises: [{ exerciseId: library[2]!.id }] });
    // The server's answer settles both: nothing is left "waiting to upload", nothing set aside.
    await until(async () => device.syncState$.value.pending, (n) => n === 0);
    expect(await firstValueFrom(device.queries.refusedChanges())).toHaveLength(0);

    // The client sees the published one with its exercises in order, never the refused draft.
    const client = await server.login('client@demo.test');
    const visible = (await pullAs(client.accessToken)).filter((s) => !(s as any)._deleted);
    expect(visible.find((s) => s.id === good.id)?.exercises.map((p) => p.exerciseId)).toEqual([library[0]!.id, library[1]!.id]);
    expect(visible.some((s) => s.id === bad.id)).toBe(false);
  });
});
