import { HybridClock, type CollectionName } from '@spotter/shared';
import type { Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { Api, type Fetch } from './api.ts';
import { createCommands } from './commands.ts';
import { registerInternals } from './internals.ts';
import { LocalDatabase } from './local.ts';
import { createMedia } from './media.ts';
import { idbMediaFiles, memoryMediaFiles, type MediaFiles } from './media-files.ts';
import { createQueries } from './queries.ts';
import { createExport } from './export.ts';
import { createRest } from './rest.ts';
import { createSession } from './session.ts';
import type { DeviceStorage } from './storage.ts';
import { localStorageSessionStore, type SessionStore } from './session-store.ts';
import { createSnapshots } from './snapshots.ts';
import { createStore } from './store.ts';
import { createSyncEngine, type SyncEngine } from './sync-engine.ts';
import { createSyncOwner, soleOwner } from './sync-owner.ts';
import { SyncStateStore, type SyncState } from './sync-state.ts';

export type { SyncState } from './sync-state.ts';

export interface DeviceOptions {
  baseUrl: string;
  storage: DeviceStorage;
  name?: string;
  fetch?: Fetch;
  sessions?: SessionStore;
  /** True in browsers: tabs share the database and only the leader replicates. */
  multiInstance?: boolean;
  /** Wait between retries of a failed pull/push (RxDB's retryTime). */
  retryTime?: number;
  /** Documents per pulled page (default 1000, the server's largest); tests use small pages. */
  pullBatchSize?: number;
  /**
   * A pull or push that failed (RxDB retries it): the simulation records them, since a pulled
   * page that failed to be written is how a device could miss a document for good.
   */
  onSyncError?: (collection: CollectionName, error: unknown) => void;
  /**
   * The clock that stamps each field's edits (docs/DESIGN.md "The last edit of each field wins");
   * default: the device's own clock, corrected by the server's time on every answer. The
   * simulation passes skewed ones.
   */
  clock?: HybridClock;
  /** Where picked and kept media files live (media-files.ts); default IndexedDB where there is one. */
  mediaFiles?: MediaFiles;
}

export type Device = Awaited<ReturnType<typeof createDevice>>;

/**
 * A device: the local database, the signed-in user and the sync with the server, put together
 * from one module per responsibility — the session (session.ts), the sync engine
 * (sync-engine.ts), the reads (queries.ts), the writes (commands.ts over store.ts and rest.ts)
 * and the local database (local.ts). What pages get is only these names: no database, no HTTP.
 */
export async function createDevice(opts: DeviceOptions) {
  const sessions = opts.sessions ?? localStorageSessionStore();
  const state = new SyncStateStore(sessions.load()?.user ?? null);
  const name = opts.name ?? 'spotter';
  // Tabs sharing the database: one of them syncs, a visible one (sync-owner.ts).
  const owner = opts.multiInstance ? createSyncOwner(name) : soleOwner();
  const local = new LocalDatabase({ name, storage: opts.storage, multiInstance: opts.multiInstance ?? false, isOwner: () => owner.isOwner }, state);
  // The engine is made after the client it needs; a refused refresh reaches it through this.
  let engine: SyncEngine | null = null;
  const clock = opts.clock ?? new HybridClock({ node: uuidv7().replaceAll('-', '').slice(-12) });
  // A deleted account's device empties itself: nothing of the person stays, nothing waits to upload.
  let forget: (() => Promise<unknown>) | null = null;
  const api = new Api({
    baseUrl: opts.baseUrl, fetch: opts.fetch, sessions, clock,
    onSignInNeeded: () => void engine?.pauseForSignIn(),
    onAccountDeleted: () => void forget?.(),
  });
  const sync = createSyncEngine({
    local,
    api,
    sessions,
    state,
    clock,
    owner,
    options: { retryTime: opts.retryTime ?? 3000, pullBatchSize: opts.pullBatchSize ?? 1000, onSyncError: opts.onSyncError },
  });
  engine = sync;
  const media = createMedia({
    api,
    state,
    isOwner: () => owner.isOwner,
    files: opts.mediaFiles ?? (typeof indexedDB === 'undefined' ? memoryMediaFiles() : idbMediaFiles(indexedDB, `${name}-media`)),
  });

  async function open(): Promise<void> {
    await local.open();
    await sync.restore();
  }

  async function wipe(): Promise<void> {
    await sync.stop();
    await local.remove();
    await media.clear();
    state.set({ lastSyncAt: null, initialSync: 0, recentSynced: false, pending: 0, mediaPending: 0 });
    await open();
  }

  const session = createSession({ api, sessions, state, startSync: sync.start, wipe });
  forget = () => session.signOut({ force: true, accountDeleted: true });
  const store = createStore(() => local.db, () => state.value.user?.role, clock);

  await open();

  const device = {
    /** Who is signed in (`user`), the sync's progress and connection: the shell's status line. */
    syncState$: state.state$ as Observable<SyncState> & { readonly value: SyncState },
    signIn: session.signIn,
    signInWithProvider: session.signInWithProvider,
    signOut: session.signOut,
    resumeSession: session.resumeSession,
    startSync: sync.start,
    stopSync: sync.stop,
    networkChanged: sync.networkChanged,
    awaitInSync: sync.awaitInSync,
    queries: createQueries(() => local.db),
    commands: createCommands(store, createRest(api)),
    /** A coach's own photos and videos: picked, queued for upload, shown, kept offline (media.ts). */
    media,
    /** "Download my data": the server's export online, the device's copy offline (export.ts). */
    dataExport: createExport(api, () => local.db, () => state.value.user),
    /** Pages' last answers for a fast first paint (snapshots.ts). */
    snapshots: createSnapshots(() => local.db),
    async close(): Promise<void> {
      media.close();
      await sync.dispose();
      await local.close();
    },
  };
  registerInternals(device, { db: () => local.db, store, api });
  return device;
}
