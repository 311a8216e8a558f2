import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingSession } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Fetch } from './api.ts';
import { internals } from './internals.ts';
import { gate, serverDocs, syncedCoach, TestBrowser, until } from './test-device.ts';

// docs/DESIGN.md "Every deletion reaches every device" hands pulled states that RxDB dropped
// back to it once a push is answered (held-back.ts). A pulled state that is only this device's
// OWN earlier write coming back must never be handed back: found by e2e/client-coach-concurrent
// (the client's log showed the prefilled entry while the server held what was typed). The
// device pushed its first keystroke's state, wrote more, a pull brought that first state back
// while the newer one was unanswered, and once it was answered the old state overwrote it.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('a pulled echo of this device’s own earlier write', () => {
  it('never replaces the newer local edit made while it was on its way', async () => {
    const browser = new TestBrowser(server.url);
    const plain = browser.fetch;
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
      if (streamDown && url.includes('/api/sync/stream')) throw new TypeError('Failed to fetch (stream down)');
      if (armed && url.includes('/sessions/pull')) {
        pullWaiting.open();
        await pullGo.opened;
        const res = await plain(input, init);
        pullAnswered.open();
        return res;
      }
      const res = await plain(input, init);
      if (armed && url.includes('/sessions/push') && body.includes('First edit')) {
        pushCommitted.open();
        await pushGo.opened;
      }
      return res;
    };

    const { device, clientId } = await syncedCoach(server, browser);
    const coachId = device.syncState$.value.user!.id;
    const now = new Date().toISOString();
    const draft: TrainingSession = {
      id: device.commands.newId(), coachId, clientId, dueDate: '2099-03-02', title: 'Echo draft', notes: '', exercises: [],
      status: 'draft', submittedAt: null, rejection: null, planId: null, createdAt: now, updatedAt: now,
    };
    await internals(device).store.put('sessions', draft);
    await until(() => device.syncState$.value.pending, (n) => n === 0);
    await device.awaitInSync();

    armed = draft.id;
    streamDown = true;
    device.networkChanged(false);
    device.networkChanged(true); // a re-pull starts (held before it leaves)
    await pullWaiting.opened;
    // The first edit reaches the server; its answer is held. The person goes on typing.
    await internals(device).store.patch('sessions', draft.id, { title: 'First edit' });
    await pushCommitted.opened;
    await internals(device).store.patch('sessions', draft.id, { notes: 'Second edit' });

    // The pull now brings the first edit back (the server's state) while the second is unanswered.
    pullGo.open();
    await pullAnswered.opened;
    await new Promise((r) => setTimeout(r, 300)); // RxDB handles the pulled page
    pushGo.open();
    armed = '';

    await until(() => device.syncState$.value.pending, (n) => n === 0);
    await device.awaitInSync();
    const token = internals(device).api.accessToken()!;
    const onServer = (await serverDocs<TrainingSession>(server.url, token, 'sessions')).find((s) => s.id === draft.id);
    expect(onServer).toMatchObject({ title: 'First edit', notes: 'Second edit' });
    // Quiet again: whatever was handed back has been applied.
    await new Promise((r) => setTimeout(r, 500));
    await device.awaitInSync();
    expect(await internals(device).store.get('sessions', draft.id)).toMatchObject({ title: 'First edit', notes: 'Second edit' });
    await device.close();
  });
});
