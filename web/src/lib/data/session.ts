import type { SessionUser } from '@spotter/shared';
import type { Api } from './api.ts';
import type { SessionStore } from './session-store.ts';
import type { SyncStateStore } from './sync-state.ts';

export interface SessionDeps {
  api: Api;
  sessions: SessionStore;
  state: SyncStateStore;
  /** Starts the sync engine once someone is signed in. */
  startSync(): void;
  /** Stops sync and empties the local database (the saved session is the caller's). */
  wipe(): Promise<void>;
}

export type Session = ReturnType<typeof createSession>;

/**
 * Who is signed in on this device. The saved session (tokens and user, kept outside
 * IndexedDB: session-store.ts) lets the device re-open offline without a password.
 */
export function createSession({ api, sessions, state, startSync, wipe }: SessionDeps) {
  /**
   * `POST /api/auth/login`, saves the session, starts sync. Signing in as another person than
   * the saved one empties the device first; the same person keeps everything (a re-sign-in
   * after a refused refresh uploads the changes kept meanwhile).
   */
  async function signIn(email: string, password: string): Promise<SessionUser> {
    const previous = sessions.load()?.user;
    const { user } = await api.login(email, password);
    return begin(previous, user);
  }

  /**
   * After a sign-in through an identity provider: the server set the session's cookie and sent
   * the browser back; this takes it over, as `signIn` does after a password.
   */
  async function signInWithProvider(): Promise<SessionUser> {
    const previous = sessions.load()?.user;
    const { user } = await api.adoptCookieSession();
    return begin(previous, user);
  }

  async function begin(previous: SessionUser | undefined, user: SessionUser): Promise<SessionUser> {
    if (previous && previous.id !== user.id) {
      // Another person's data must never mix with this one's: start from an empty device.
      await wipe();
    }
    sessions.save({ user });
    state.set({ user, needsSignIn: false });
    startSync();
    return user;
  }

  /** The last signed-in user, without a password (works offline). Starts sync. */
  function resumeSession(): SessionUser | null {
    const user = sessions.load()?.user ?? null;
    state.set({ user });
    if (user) startSync();
    return user;
  }

  /**
   * Signs out and clears the device. With unsynced changes and no `force`, nothing happens
   * and the count is returned so the UI can warn ("3 changes not uploaded yet").
   * `accountDeleted`: the server already ended every session of the account. Its cookie is
   * left as it is, so a reload that interrupts this emptying is told again that the account is
   * gone (and finishes it) instead of keeping the person's data behind a sign-in request.
   */
  async function signOut({ force = false, accountDeleted = false } = {}): Promise<{ signedOut: boolean; unsynced: number }> {
    const unsynced = state.value.pending + state.value.mediaPending;
    if (unsynced > 0 && !force) return { signedOut: false, unsynced };
    if (!accountDeleted) await api.logout();
    await wipe();
    sessions.clear();
    state.set({ user: null, needsSignIn: false });
    return { signedOut: true, unsynced };
  }

  return { signIn, signInWithProvider, resumeSession, signOut };
}
