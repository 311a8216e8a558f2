import type { SessionUser } from '@spotter/shared';
import { CookieJar } from './cookie-jar.ts';

/**
 * What a device remembers about its signed-in user, so it opens offline without a password.
 * Only who it is: the refresh token is an HttpOnly cookie the page's scripts cannot read, and
 * the access token lives in memory (SECURITY.md "Sessions"). On start the device refreshes
 * (the cookie travels by itself) to get a new access token.
 */
export interface SavedSession {
  user: SessionUser;
}

/**
 * Where the session lives. Kept outside IndexedDB on purpose: if the browser wipes the local
 * database, the device still knows who is signed in and simply pulls everything again.
 */
export interface SessionStore {
  load(): SavedSession | null;
  save(session: SavedSession): void;
  clear(): void;
  /**
   * Outside a browser only: the cookies a browser would keep for the server (the refresh
   * token). In a browser, undefined: the browser keeps them, out of the page's reach.
   */
  readonly cookies?: CookieJar;
}

/**
 * Has this browser a signed-in user? Read without opening the local database: a first visit
 * shows the sign-in form without loading RxDB (the root layout opens it on sign-in).
 */
export const hasSavedSession = (key = 'spotter.session'): boolean => localStorageSessionStore(key).load() !== null;

export function localStorageSessionStore(key = 'spotter.session'): SessionStore {
  const store = globalThis.localStorage;
  return {
    load() {
      try {
        const raw = store?.getItem(key);
        if (!raw) return null;
        const saved = JSON.parse(raw) as SavedSession & { accessToken?: unknown; refreshToken?: unknown };
        if (!saved.user) return null;
        // Saved by an older version with its tokens: keep who it is, drop the tokens from
        // script-readable storage (the device signs in once to get the cookie).
        if ('refreshToken' in saved || 'accessToken' in saved) store?.setItem(key, JSON.stringify({ user: saved.user }));
        return { user: saved.user };
      } catch {
        return null; // a corrupt entry means "signed out", never a crash at start-up
      }
    },
    save: (session) => store?.setItem(key, JSON.stringify({ user: session.user })),
    clear: () => store?.removeItem(key),
  };
}

/**
 * For Node tests and simulations: share one instance between "restarts" of a device. It
 * keeps what a browser profile keeps: the saved user and the cookie jar.
 */
export function memorySessionStore(initial: SavedSession | null = null): SessionStore {
  let current = initial;
  return {
    load: () => current,
    save: (session) => {
      current = { user: session.user };
    },
    clear: () => {
      current = null;
    },
    cookies: new CookieJar(),
  };
}
