import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo, todayLocal } from '@spotter/shared';
import { exercise, prescription, session } from '@spotter/shared/fixtures.ts';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import type { Fetch } from './api.ts';
import { gate, localDoc, syncedCoach, TestBrowser, until } from './test-device.ts';

// docs/DESIGN.md "Sync": each collection replicates on its own, but a session names its
// exercises, and the server refuses a submitted session whose exercise it does not know. A
// coach who adds an exercise offline (from the catalogue, or a new one) and submits the session
// at once must not see it refused because the session's push overtook the exercise's.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('pushes in the order documents name each other', () => {
  it('a session submitted offline with a new exercise is published, even when the exercise push is the slower one', async () => {
    const browser = new TestBrowser(server.url);
    const plain = browser.fetch;
    const sessionTried = gate();
    let armed = false;
    (browser as { fetch: Fetch }).fetch = async (input, init) => {
      const url = String(input);
      // The exercise's push waits until the session's push has been tried, or for a second
      // when the device holds the session back (nothing else would ever let it go).
      if (armed && url.includes('/exercises/push')) await Promise.race([sessionTried.opened, new Promise((r) => setTimeout(r, 1000))]);
      if (armed && url.includes('/sessions/push')) sessionTried.open();
      return plain(input, init);
    };
    const { device, clientId } = await syncedCoach(server, browser);
    try {
      const coachId = device.syncState$.value.user!.id;
      browser.setOnline(device, false);
      const now = new Date().toISOString();
      const lift = exercise({ id: device.commands.newId(), ownerId: coachId, name: 'Order Test Lift', updatedAt: now });
      await device.commands.saveExercise(lift);
      const submitted = session({
        id: device.commands.newId(), coachId, clientId, dueDate: addDaysTo(todayLocal(), 2), title: 'Order test',
        exercises: [prescription({ id: device.commands.newId(), exerciseId: lift.id })],
        status: 'submitted', submittedAt: now, createdAt: now, updatedAt: now,
      });
      await device.commands.saveSession(submitted);
      armed = true;
      browser.setOnline(device, true);
      const settled = await until(() => localDoc(device, 'sessions', submitted.id), (d) => d?.status === 'published' || !!d?.rejection);
      expect(settled!.rejection).toBeNull();
      expect(settled!.status).toBe('published');
    } finally {
      await device.close();
    }
  });
});
