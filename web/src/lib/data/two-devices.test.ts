import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '../../../../sync-server/test/helper.ts';
import type { Device } from './device.ts';
import { serverDocs, TestBrowser, until } from './test-device.ts';

// DESIGN.md sync rule 1 end to end: two devices of ONE coach edit different fields of the same
// draft, one of them offline; after both sync, the server and both devices hold both edits.
// RxDB allows 13 collections per realm and a device has 10, so the two devices take turns:
// each closes its database before the other opens (their IndexedDBs persist, like browsers).
let server: TestServer;
let phone: TestBrowser;
let laptop: TestBrowser;
let open: Device | null = null;

beforeAll(async () => {
  server = await startTestServer();
  phone = new TestBrowser(server.url);
  laptop = new TestBrowser(server.url);
});

afterAll(async () => {
  await open?.close();
  await server?.close();
});

async function use(browser: TestBrowser): Promise<Device> {
  await open?.close();
  open = await browser.open();
  return open;
}

it('keeps both devices’ edits when they changed different fields of one document', async () => {
  // The phone creates a draft and syncs it.
  let device = await use(phone);
  const coach = await device.signIn('coach@demo.test', 'spotter-demo');
  const clientId = (await server.login('client@demo.test')).user.id;
  const now = new Date().toISOString();
  const draft: TrainingSession = {
    id: device.newId(), coachId: coach.id, clientId, dueDate: '2099-03-01', title: 'Upper body', notes: '',
    exercises: [], status: 'draft', submittedAt: null, rejection: null, planId: null, createdAt: now, updatedAt: now,
  };
  await device.put('sessions', draft);
  await until(() => device.syncState$.value.pending, (n) => n === 0);

  // The laptop gets it, then loses the network and renames it.
  device = await use(laptop);
  await device.signIn('coach@demo.test', 'spotter-demo');
  await until(() => device.get('sessions', draft.id), (s) => s !== null);
  laptop.setOnline(device, false);
  await device.patch('sessions', draft.id, { title: 'Upper body — heavy' });
  expect(device.syncState$.value.pending).toBe(1);

  // Meanwhile the phone, online, writes the notes.
  device = await use(phone);
  device.resumeSession();
  await device.patch('sessions', draft.id, { notes: 'Bench first, then rows' });
  await until(() => device.syncState$.value.pending, (n) => n === 0);

  // The laptop comes back: its push is against a stale state; the merge keeps both fields.
  laptop.online = true;
  device = await use(laptop);
  expect(device.syncState$.value.pending).toBe(1); // remembered across the restart
  device.resumeSession();
  await until(() => device.syncState$.value.pending, (n) => n === 0);
  const onServer = async () => (await serverDocs<TrainingSession>(server.url, laptop.sessions.load()!.accessToken, 'sessions')).find((s) => s.id === draft.id);
  const merged = await until(onServer, (s) => s?.title === 'Upper body — heavy' && s.notes === 'Bench first, then rows');
  expect(merged).toMatchObject({ status: 'draft', _deleted: false });
  expect(await device.get('sessions', draft.id)).toMatchObject({ title: 'Upper body — heavy', notes: 'Bench first, then rows' });

  // And the phone, next time it opens, converges on the same document.
  device = await use(phone);
  device.resumeSession();
  await until(() => device.get('sessions', draft.id), (s) => s?.title === 'Upper body — heavy' && s.notes === 'Bench first, then rows');
  expect(await device.db.refused.count().exec()).toBe(0);
});
