import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '@spotter/sync-server/testing';
import { Api, AuthError } from './api.ts';
import { createSession } from './session.ts';
import { memorySessionStore } from './session-store.ts';
import { SyncStateStore } from './sync-state.ts';

// The session module with the real HTTP client against the real server; what it asks of the
// rest of the device (start sync, empty the database) is recorded.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

function setup(online = true) {
  const sessions = memorySessionStore();
  const state = new SyncStateStore(null);
  const calls: string[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => (online ? globalThis.fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')));
  const api = new Api({ baseUrl: server.url, fetch, sessions, onSignInNeeded: () => calls.push('sign-in needed') });
  const session = createSession({ api, sessions, state, startSync: () => calls.push('sync'), wipe: async () => void calls.push('wipe') });
  return { sessions, state, calls, session, setOnline: (v: boolean) => (online = v) };
}

describe('the session', () => {
  it('signs in: saves the session, sets the user and starts sync', async () => {
    const { sessions, state, calls, session } = setup();
    const user = await session.signIn('coach@demo.test', 'spotter-demo');
    expect(user).toMatchObject({ email: 'coach@demo.test', role: 'coach' });
    expect(sessions.load()?.user.id).toBe(user.id);
    expect(state.value.user).toEqual(user);
    expect(calls).toEqual(['sync']);
  });

  it('refuses a wrong password with AuthError 401 and keeps nobody signed in', async () => {
    const { sessions, state, calls, session } = setup();
    const error = await session.signIn('coach@demo.test', 'wrong-password').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(401);
    expect(sessions.load()).toBeNull();
    expect(state.value.user).toBeNull();
    expect(calls).toEqual([]);
  });

  it('re-opens offline as the last user, without a password', async () => {
    const { sessions, state, calls, session, setOnline } = setup();
    const user = await session.signIn('client@demo.test', 'spotter-demo');
    setOnline(false);
    state.set({ user: null });
    expect(session.resumeSession()).toEqual(user);
    expect(state.value.user).toEqual(user);
    expect(calls).toEqual(['sync', 'sync']);
    expect(sessions.load()?.user).toEqual(user);
  });

  it('empties the device when another person signs in; the same person keeps it', async () => {
    const { sessions, calls, session } = setup();
    await session.signIn('coach@demo.test', 'spotter-demo');
    await session.signIn('coach@demo.test', 'spotter-demo');
    expect(calls).toEqual(['sync', 'sync']);
    const other = await session.signIn('coach2@demo.test', 'spotter-demo');
    expect(calls).toEqual(['sync', 'sync', 'wipe', 'sync']);
    expect(sessions.load()?.user.id).toBe(other.id);
  });

  it('takes over the session a provider sign-in left in the cookie; a refresh never carries another person on', async () => {
    const { sessions, state, calls, session } = setup();
    const coach = await session.signIn('coach@demo.test', 'spotter-demo');
    // Another person signs in through a provider in this browser: only the cookie changes.
    const elsewhere = new Api({ baseUrl: server.url, sessions, onSignInNeeded: () => undefined });
    const client = (await elsewhere.login('client@demo.test', 'spotter-demo')).user;
    sessions.save({ user: coach });
    const api = new Api({ baseUrl: server.url, sessions, onSignInNeeded: () => calls.push('sign-in needed') });
    const refused = await api.refresh().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthError);
    expect(calls).toEqual(['sync', 'sign-in needed']);
    expect(sessions.load()?.user.id).toBe(coach.id);
    // The sign-in page takes it over: the coach's local data goes first.
    expect(await session.signInWithProvider()).toEqual(client);
    expect(calls).toEqual(['sync', 'sign-in needed', 'wipe', 'sync']);
    expect(sessions.load()?.user.id).toBe(client.id);
    expect(state.value.user).toEqual(client);
  });

  it('signs out only when nothing waits to upload, unless forced', async () => {
    const { sessions, state, calls, session } = setup();
    await session.signIn('coach@demo.test', 'spotter-demo');
    state.set({ pending: 2 });
    expect(await session.signOut()).toEqual({ signedOut: false, unsynced: 2 });
    expect(sessions.load()).not.toBeNull();
    expect(await session.signOut({ force: true })).toEqual({ signedOut: true, unsynced: 2 });
    expect(sessions.load()).toBeNull();
    expect(state.value.user).toBeNull();
    expect(calls).toEqual(['sync', 'wipe']);
  });
});
