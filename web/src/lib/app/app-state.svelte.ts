import { getContext, setContext } from 'svelte';
import type { Person, SessionUser, WeightUnit } from '@spotter/shared';
import type { Device, SyncState } from '#lib/data/device.ts';

/**
 * What every page needs from the shell: the device (local database + sync), who is signed in,
 * and whether the browser has a connection. Created once by the root layout and handed down
 * through Svelte context, so pages never create databases of their own.
 */
export class AppState {
  device = $state<Device | null>(null);
  sync = $state<SyncState>({ online: false, pending: 0, mediaPending: 0, lastSyncAt: null, initialSync: 0, recentSynced: false, needsSignIn: false, user: null });
  /** The browser's own view of the network (navigator.onLine); the stream may lag behind it. */
  browserOnline = $state(true);
  /** The open failed (private mode without IndexedDB, a broken database): shown instead of the app. */
  error = $state<string | null>(null);
  /**
   * Nobody is signed in on this browser: the sign-in form shows at once and the local database
   * (RxDB, most of the app's code) is loaded only when someone signs in (`openDevice`).
   */
  deferred = $state(false);
  /** Opens the device now if it is not open yet (the root layout provides it). */
  openDevice: () => Promise<Device> = () => Promise.reject(new Error('The app shell has not started.'));

  /** The signed-in person's own document, live (root layout): their preferences, synced. */
  me = $state<Person | null>(null);

  get user(): SessionUser | null {
    return this.sync.user;
  }

  /**
   * The unit every weight is shown in (docs/DESIGN.md "Weights in the person's unit"): the
   * person's own choice, kg until their document has arrived.
   */
  get units(): WeightUnit {
    return this.me?.id === this.user?.id ? (this.me?.units ?? 'kg') : 'kg';
  }

  /** Online for the purposes of actions that need the server right now (invitations, assigning, one's password). */
  get online(): boolean {
    return this.browserOnline;
  }
}

const KEY = Symbol('spotter-app');

export const provideApp = (app: AppState) => setContext(KEY, app);
export const useApp = (): AppState => getContext<AppState>(KEY);

/** The viewer's weight unit, live; kg where no shell is around (a component rendered alone). */
export function useUnits(): { readonly current: WeightUnit } {
  const app = getContext<AppState | undefined>(KEY);
  return {
    get current() {
      return app?.units ?? 'kg';
    },
  };
}

/**
 * The shell as a page behind sign-in sees it: an open device and a signed-in user, never null.
 * The guard (routes/(signed-in)/+layout.svelte) renders those pages only when both exist; while
 * it takes a page down (sign-out) the page may read once more, and gets the last ones.
 */
export class SignedIn {
  readonly #app: AppState;
  #device: Device | null = null;
  #user: SessionUser | null = null;

  constructor(app: AppState) {
    this.#app = app;
  }

  get device(): Device {
    this.#device = this.#app.device ?? this.#device;
    if (!this.#device) throw new Error('A signed-in page was rendered without a device.');
    return this.#device;
  }

  get user(): SessionUser {
    this.#user = this.#app.user ?? this.#user;
    if (!this.#user) throw new Error('A signed-in page was rendered without a user.');
    return this.#user;
  }

  get sync(): SyncState {
    return this.#app.sync;
  }

  get online(): boolean {
    return this.#app.online;
  }
}

const SIGNED_IN = Symbol('spotter-signed-in');

export const provideSignedIn = (app: AppState) => setContext(SIGNED_IN, new SignedIn(app));
export const useSignedIn = (): SignedIn => getContext<SignedIn>(SIGNED_IN);

/** Where each role lands after signing in (docs/DESIGN.md "Surfaces"). */
export const homeOf = (role: SessionUser['role']): string => ({ coach: '/coach', client: '/client', admin: '/admin' })[role];
