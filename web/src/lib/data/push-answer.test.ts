import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, todayLocal, type Exercise, type TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Fetch } from './api.ts';
import type { Device } from './device.ts';
import { internals } from './internals.ts';
import { syncedCoach, TestBrowser, until } from './test-device.ts';

// The device asks for the compact push answer (shared sync.ts PushPatch): an accepted submit
// comes back as the fields the server set, and the data layer rebuilds the server's state from
// what it sent. Here the live stream never connects, so that answer is the only way the
// server's decision can reach the device (RxDB pulls again only on a stream event or RESYNC).
class NoStreamBrowser extends TestBrowser {
  readonly answers: { url: string; body: string }[] = [];
  override readonly fetch: Fetch = async (input, init) => {
    const url = String(input);
    if (url.includes('/api/sync/stream')) throw new TypeError('Failed to fetch (stream blocked by the test)');
    this.requests.push({ url, body: typeof init?.body === 'string' ? init.body : '' });
    const res = await globalThis.fetch(input, init);
    if (url.includes('/push')) this.answers.push({ url, body: await res.clone().text() });
    return res;
  };
}

let server: TestServer;
let browser: NoStreamBrowser;
let device: Device;
let clientId: string;
let library: Exercise[];

beforeAll(async () => {
  server = await startTestServer();
  browser = new NoStreamBrowser(server.url);
  ({ device, clientId, library } = await syncedCoach(server, browser));
});

afterAll(async () => {
  await device?.close();
  await server?.close();
});

describe('the compact push answer', () => {
  it('brings an accepted submit to the device as published, field for field the server’s state, nothing left pending', async () => {
    const coachId = device.syncState$.value.user!.id;
    const at = new Date().toISOString();
    const submitted: TrainingSession = {
      id: device.commands.newId(), coachId, clientId, dueDate: addDaysTo(todayLocal(), 3), title: 'Compact answer', notes: '',
      exercises: [{ id: device.commands.newId(), exerciseId: library[0]!.id, sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 90, notes: '' }],
      status: 'submitted', submittedAt: at, rejection: 'An old reason the device kept.', planId: null, createdAt: at, updatedAt: at,
    };
    await internals(device).store.put('sessions', submitted);

    const local = await until(() => internals(device).store.get('sessions', submitted.id), (s) => s?.status === 'published');
    await until(() => device.syncState$.value.pending, (n) => n === 0);
    const stored = (await server.app.repo.get('sessions', submitted.id))!;
    expect(local).toEqual(stored.doc);
    expect(local).toMatchObject({ status: 'published', rejection: null, title: 'Compact answer' });

    // What went over the wire: asked for, and answered with, the fields the server set only.
    const answer = browser.answers.find((a) => a.body.includes(submitted.id))!;
    expect(answer.url).toMatch(/\/api\/sync\/sessions\/push\?answer=patch$/);
    expect(JSON.parse(answer.body)).toEqual([{ id: submitted.id, _patch: { status: 'published', rejection: null } }]);
    expect(browser.requests.some((r) => r.url.includes('/api/sync/stream'))).toBe(false);
  });
});
