import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETION_UNDO_MS } from '@spotter/shared';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { Api, AuthError, HttpError } from './api.ts';
import { createRest } from './rest.ts';
import { memorySessionStore } from './session-store.ts';

// Deleting an account through the data layer's commands, against the real server on a
// controlled scheduler clock (docs/DESIGN.md "Deleting an account"): the answers parsed, and a
// device of the deleted account told so at its next refresh (it then empties itself).
let clock = new Date();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ scheduler: { now: () => clock } });
});
afterAll(() => server?.close());

const PASSWORD = 'a-long-password';

async function signedIn(email: string, password: string) {
  let deleted = 0;
  let signInNeeded = 0;
  const api = new Api({ baseUrl: server.url, sessions: memorySessionStore(), onSignInNeeded: () => signInNeeded++, onAccountDeleted: () => deleted++ });
  await api.login(email, password);
  return { api, rest: createRest(api), deleted: () => deleted, signInNeeded: () => signInNeeded };
}

describe('deleting an account', () => {
  it('asks, cancels, and once done the device learns that the account is gone', async () => {
    const coach = await signedIn('coach@demo.test', 'spotter-demo');
    const email = `gone-${Date.now()}@demo.test`;
    await coach.rest.addClient({ email, firstName: 'Gale', lastName: 'Gone', password: PASSWORD });
    const client = await signedIn(email, PASSWORD);

    expect(await client.rest.deletionStatus()).toEqual({ pending: null });
    const wrong = await client.rest.requestDeletion('not it').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(HttpError);
    expect((wrong as HttpError).status).toBe(400);
    const asked = await client.rest.requestDeletion(PASSWORD);
    expect(asked.pending).toMatchObject({ byAdmin: false, dueAt: new Date(clock.getTime() + DELETION_UNDO_MS).toISOString() });
    expect(await client.rest.cancelDeletion()).toEqual({ pending: null });
    await client.rest.requestDeletion(PASSWORD);

    clock = new Date(clock.getTime() + DELETION_UNDO_MS + 1000);
    // Other jobs (the coach's alerts) may be due on this clock too.
    expect(await server.app.scheduler.tick()).toBeGreaterThanOrEqual(1);
    await expect(client.api.refresh()).rejects.toBeInstanceOf(AuthError);
    expect(client.deleted()).toBe(1);
    expect(client.signInNeeded()).toBe(0);
    // An ordinary ended session still asks for a sign-in, not a wipe.
    await coach.api.logout();
    await expect(coach.api.refresh()).rejects.toBeInstanceOf(AuthError);
    expect([coach.deleted(), coach.signInNeeded()]).toEqual([0, 1]);
  });
});
