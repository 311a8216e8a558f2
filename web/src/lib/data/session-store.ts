import type { LoginResponse } from '@spotter/shared';

/** What a device remembers about its signed-in user, so it opens offline without a password. */
export type SavedSession = LoginResponse;

/**
 * Where the session lives. Kept outside IndexedDB on purpose: if the browser wipes the local
 * database, the device still knows who is signed in and simply pulls everything again.
 */
export interface SessionStore {
  load(): SavedSession | null;
  save(session: SavedSession): void;
  clear(): void;
}

export function localStorageSessionStore(key = 'spotter.session'): SessionStore {
  return {
    load() {
      try {
        const raw = globalThis.localStorage?.getItem(key);
        return raw ? (JSON.parse(raw) as SavedSession) : null;
      } catch {
        return null; // a corrupt entry means "signed out", never a crash at start-up
      }
    },
    save: (session) => globalThis.localStorage?.setItem(key, JSON.stringify(session)),
    clear: () => globalThis.localStorage?.removeItem(key),
  };
}

/** For Node tests and simulations: share one instance between "restarts" of a device. */
export function memorySessionStore(initial: SavedSession | null = null): SessionStore {
  let current = initial;
  return {
    load: () => current,
    save: (session) => {
      current = session;
    },
    clear: () => {
      current = null;
    },
  };
}
