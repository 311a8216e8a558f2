import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Fetch } from './api.ts';
import { internals } from './internals.ts';
import { gate, serverDocs, syncedCoach, TestBrowser, until } from './test-device.ts';

// docs/DESIGN.md "Every deletion reaches every device": once online and quiet, every deletion the
// server made is applied on every device, and no device says "synced" while it holds a
// document the server withdrew. The hard case: the server deletes a document right after it
// committed this device's edit of it, while the answer to that edit is still on its way. RxDB
// does not apply a pulled state over a local write it has not heard back about, and moves its
// checkpoint on; the edit is then acknowledged, and without more the deletion is never applied.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('a deletion pulled while this device’s edit of the document is unanswered', () => {
  it('is applied once the answer arrives (the device is not "synced" holding it)', async () => {
    const browser = new TestBrowser(server.url);
    const plain = browser.fetch;
    // The sessions pull is held before it leaves; the push of the edit reaches the server (and
    // commits) and its answer is held: the server deletes the document in between.
    let armed = '';
    let streamDown = false;
    const pullWaiting = gate();
    const pullGo = gate();
    const pullAnswered = gate();
    const pushCommitted = gate();
    const pushGo = gate();
    (browser as { fetch: Fetch }).fetch = async (input, init) => {
      const url = String(input);
      const body = typeof init?.body === 'string' ? init.body : '';
      // The live stream is down (reconnecting): only the pull can bring the deletion.
      if (streamDown && url.includes('/api/sync/stream')) throw new TypeError('Failed to fetch (stream down)');
      if (armed && url.includes('/sessions/pull')) {
        pullWaiting.open();
        await pullGo.opened;
        const res = await plain(input, init);
        pullAnswered.open();
        return res;
      }
      const res = await plain(input, init);
      if (armed && url.includes('/sessions/push') && body.includes(armed)) {
        pushCommitted.open();
        await pushGo.opened;
      }
      return res;
    };

    const { device, clientId } = await syncedCoach(server, browser);
    const coachId = device.syncState$.value.user!.id;
    const now = new Date().toISOString();
    const draft: TrainingSession = {
      id: device.commands.newId(), coachId, clientId, dueDate: '2099-03-01', title: 'Soon withdrawn', notes: '', exercises: [],
      status: 'draft', submittedAt: null, rejection: null, planId: null, createdAt: now, updatedAt: now,
    };
    await internals(device).store.put('sessions', draft);
    await until(() => device.syncState$.value.pending, (n) => n === 0);
    await device.awaitInSync();

    armed = draft.id;
    streamDown = true;
    device.networkChanged(false); // the live stream drops; back online, it cannot reconnect yet
    device.networkChanged(true); // a re-pull starts (held)
    await pullWaiting.opened;
    await internals(device).store.patch('sessions', draft.id, { title: 'Edited, answer held' });
    await pushCommitted.opened;

    // Another device of the coach deletes it (straight to the server, after the edit committed).
    const token = internals(device).api.accessToken()!;
    const [current] = (await serverDocs<TrainingSession>(server.url, token, 'sessions')).filter((s) => s.id === draft.id);
    expect(current).toMatchObject({ title: 'Edited, answer held', _deleted: false });
    const res = await fetch(`${server.url}/api/sync/sessions/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ assumedMasterState: current, newDocumentState: { ...current, _deleted: true } }]),
    });
    expect(await res.json()).toEqual([]);

    // The held pull brings the deletion while the edit is unanswered; then the answer comes.
    pullGo.open();
    await pullAnswered.opened;
    await new Promise((r) => setTimeout(r, 300)); // RxDB handles the pulled page
    pushGo.open();
    armed = '';
    // Online and quiet: the live stream is back (it re-pulls on connecting).
    streamDown = false;
    device.networkChanged(true);

    await until(() => device.syncState$.value.pending, (n) => n === 0);
    await device.awaitInSync();
    await until(() => internals(device).store.get('sessions', draft.id), (d) => d === null);
    const onServer = (await serverDocs<TrainingSession>(server.url, token, 'sessions')).filter((s) => s.id === draft.id);
    expect(onServer).toEqual([expect.objectContaining({ _deleted: true })]);
    await device.close();
  });
});
