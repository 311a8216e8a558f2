import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exercise } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Device } from './device.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// docs/DESIGN.md "Media storage" on the device: a coach's device (real RxDB and media store on
// fake-indexeddb) against the REAL server, whose upload limit here is 4 KB. A photo picked
// offline waits in the queue, counted among the changes waiting; online it uploads and the
// exercise that refers to it syncs; a file the server refuses stays on the device with its
// reason. One device per file (RxDB's 13-collection limit).
let server: TestServer;
let browser: TestBrowser;
let device: Device;
let coachId: string;
let token: string;

const png = (extra: number) => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), new Uint8Array(extra).fill(7)]);
const shaOf = async (b: Blob) => createHash('sha256').update(new Uint8Array(await b.arrayBuffer())).digest('hex');

beforeAll(async () => {
  server = await startTestServer({ mediaMaxBytes: 4096 });
  browser = new TestBrowser(server.url);
  device = await browser.open();
  coachId = (await device.signIn('coach@demo.test', 'spotter-demo')).id;
  token = (await server.login('coach@demo.test')).accessToken;
  await device.awaitInSync();
});

afterAll(async () => {
  await device?.close();
  await server?.close();
});

describe('a picked photo', () => {
  it('is refused at once when its bytes are not a photo or video, and nothing is queued', async () => {
    const answer = await device.media.add(new Blob(['<!doctype html>']), 'exercise');
    expect(answer.refusal?.code).toBe('media_type_exercise');
    expect(device.media.uploads$.value).toEqual([]);
  });

  it('waits offline among the changes to upload, then uploads with the exercise that shows it', async () => {
    browser.setOnline(device, false);
    const photo = png(500);
    const { ref } = await device.media.add(photo, 'exercise');
    expect(ref).toEqual({ id: await shaOf(photo), type: 'image/png', size: 508 });
    const now = new Date().toISOString();
    const exercise: Exercise = { id: device.commands.newId(), ownerId: coachId, name: 'Own squat', description: '', videoUrl: '', type: 'strength', pattern: 'squat', muscleGroups: [], media: ref, updatedAt: now };
    await device.commands.saveExercise(exercise);
    expect(device.media.uploads$.value).toEqual([{ id: ref!.id, type: 'image/png', size: 508, progress: 0, state: 'waiting', reason: null }]);
    expect(device.syncState$.value).toMatchObject({ pending: 1, mediaPending: 1 });
    // Shown from the device's copy while offline.
    expect(await device.media.open(ref!, `exercises:${exercise.id}`)).toMatchObject({ state: 'ready', kept: true });

    browser.setOnline(device, true);
    await until(() => device.syncState$.value, (s) => s.pending === 0 && s.mediaPending === 0);
    const res = await fetch(`${server.url}/api/media/${ref!.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(await photo.arrayBuffer()));
    const stored = (await serverDocs<Exercise>(server.url, token, 'exercises')).find((e) => e.id === exercise.id);
    expect(stored?.media).toEqual(ref);
  });

  it('refused by the server stays on the device with the reason, out of the count, until removed', async () => {
    const big = png(5000);
    const { ref } = await device.media.add(big, 'exercise');
    const refused = await until(() => device.media.uploads$.value, (u) => u[0]?.state === 'refused');
    expect(refused).toEqual([{ id: ref!.id, type: 'image/png', size: 5008, progress: 0, state: 'refused', reason: 'This file is larger than 4 KB; record a shorter video or pick a smaller file.' }]);
    expect(device.syncState$.value.mediaPending).toBe(0);
    // Still shown from the device: nothing the coach recorded is lost.
    expect(await device.media.open(ref!, 'exercises:x')).toMatchObject({ state: 'ready' });
    await device.media.discard(ref!.id);
    expect(device.media.uploads$.value).toEqual([]);
  });
});
