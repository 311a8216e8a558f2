import type { SessionUser } from '@spotter/shared';
import { BehaviorSubject, type Observable } from 'rxjs';

export interface SyncState {
  /** The live stream to the server is connected. */
  online: boolean;
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  /** Photos and videos picked on this device waiting to upload (media.ts); refused ones are not counted. */
  mediaPending: number;
  /** ISO time of the last successful pull or push. */
  lastSyncAt: string | null;
  /** First sync of this device: share of collections pulled, 0..1 (1 once done). */
  initialSync: number;
  /**
   * The recent weeks are on the device (what the coach dashboard reads: sessions due in its
   * window and later, their logs, recent messages, and every smaller collection), though the
   * first sync may still be bringing older history. True once `initialSync` is 1.
   */
  recentSynced: boolean;
  /** The server refused our refresh token: sync is paused until the user signs in again. */
  needsSignIn: boolean;
  user: SessionUser | null;
}

/** What the shell shows before a device has opened. */
export const initialSyncState = (user: SessionUser | null = null): SyncState => ({
  online: false,
  pending: 0,
  mediaPending: 0,
  lastSyncAt: null,
  initialSync: 0,
  recentSynced: false,
  needsSignIn: false,
  user,
});

/**
 * The one state the session, the sync engine and the pending count write into, and the
 * shell reads. Each writer sets only its own fields.
 */
export class SyncStateStore {
  readonly #subject: BehaviorSubject<SyncState>;

  constructor(user: SessionUser | null) {
    this.#subject = new BehaviorSubject(initialSyncState(user));
  }

  get value(): SyncState {
    return this.#subject.value;
  }

  set(patch: Partial<SyncState>): void {
    this.#subject.next({ ...this.#subject.value, ...patch });
  }

  get state$(): Observable<SyncState> & { readonly value: SyncState } {
    return this.#subject;
  }
}
