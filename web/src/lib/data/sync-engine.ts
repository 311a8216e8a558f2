import { collectionNames, recentFirstCollections, type Checkpoint, type CollectionName, type HybridClock } from '@spotter/shared';
import type { RxReplicationPullStreamItem } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { Api } from './api.ts';
import { canWrite } from './database.ts';
import type { LocalDatabase } from './local.ts';
import { RecentFirst } from './recent-first.ts';
import { replicateCollection } from './replication.ts';
import type { SessionStore } from './session-store.ts';
import { openLiveStream, type LiveStream } from './stream.ts';
import type { SyncOwner } from './sync-owner.ts';
import type { SyncStateStore } from './sync-state.ts';

/** Documents that name exercises: pushed after this device's new exercises (replication.ts `pushAfter`). */
const NAMES_EXERCISES = new Set<CollectionName>(['sessions', 'plans']);

export interface SyncEngineOptions {
  /** Wait between retries of a failed pull/push (RxDB's retryTime). */
  retryTime: number;
  /** Documents per pulled page (the server's largest is 1000); tests use small pages. */
  pullBatchSize: number;
  onSyncError?: (collection: CollectionName, error: unknown) => void;
}

export interface SyncEngineDeps {
  local: LocalDatabase;
  api: Api;
  sessions: SessionStore;
  state: SyncStateStore;
  /** The device's clock: its correction by the server's time is kept with the sync's progress. */
  clock: HybridClock;
  /** Whether this tab is the one that replicates (sync-owner.ts). */
  owner: SyncOwner;
  options: SyncEngineOptions;
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

type Stream = Subject<RxReplicationPullStreamItem<any, Checkpoint>>;
type SyncMeta = { lastSyncAt: string | null; initialDone: boolean; clockOffsetMs?: number };
const isRecentFirst = (name: CollectionName) => (recentFirstCollections as readonly string[]).includes(name);

/**
 * The sync engine: one RxDB replication per collection (in the owner tab only when tabs share
 * the database: sync-owner.ts), one live stream (SSE) feeding them all, the first sync's
 * progress, and the browser's network events. Writes into the shared sync state; never decides
 * who is signed in. A tab that becomes the owner starts replicating; one that stops being it
 * cancels its replications (RxDB re-pushes anything unacknowledged from the new owner).
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { local, api, sessions, state, clock, owner } = deps;
  const streams = Object.fromEntries(collectionNames.map((n) => [n, new Subject()])) as Record<CollectionName, Stream>;
  let replications: RxReplicationState<any, any>[] = [];
  let live: LiveStream | null = null;
  let lastSaved = 0;
  /** Sync was asked for (signed in, not stopped): the owner tab replicates while it is. */
  let wanted = false;
  const ownership = owner.owner$.subscribe((isOwner) => {
    if (isOwner && wanted) start();
    else if (!isOwner && replications.length) void cancelReplications();
  });
  // A write in a tab that does not sync: make sure a tab that runs uploads it (sync-owner.ts).
  let lastPending = state.value.pending;
  const writes = state.state$.subscribe(({ pending }) => {
    if (pending > lastPending && wanted && !owner.isOwner) owner.nudge();
    lastPending = pending;
  });

  async function cancelReplications(): Promise<void> {
    const all = replications;
    replications = [];
    await Promise.all(all.map((r) => r.cancel()));
  }

  const saveMeta = (meta: SyncMeta) => local.db.upsertLocal('sync', { ...meta, clockOffsetMs: clock.offsetMs });

  /** Reads the saved progress (last sync, first sync done) of a freshly opened database. */
  async function restore(): Promise<void> {
    const meta = (await local.db.getLocal<SyncMeta>('sync'))?.toJSON().data;
    // Until the server answers, an edit is stamped with the correction learnt last time.
    if (meta?.clockOffsetMs !== undefined) clock.restoreOffset(meta.clockOffsetMs);
    state.set({ lastSyncAt: meta?.lastSyncAt ?? null, initialSync: meta?.initialDone ? 1 : 0, recentSynced: !!meta?.initialDone });
  }

  function onSynced(): void {
    const now = new Date().toISOString();
    state.set({ lastSyncAt: now });
    // Persisting on every batch of a first sync would double its writes; once a second is plenty.
    if (Date.now() - lastSaved > 1000) {
      lastSaved = Date.now();
      void saveMeta({ lastSyncAt: now, initialDone: state.value.initialSync === 1 }).catch(() => undefined);
    }
  }

  async function pauseForSignIn(): Promise<void> {
    if (state.value.needsSignIn) return;
    state.set({ needsSignIn: true, online: false });
    live?.close();
    live = null;
    // Paused, not cancelled: every local change stays queued in RxDB until sign-in.
    await Promise.all(replications.map((r) => r.pause()));
  }

  function start(): void {
    if (!sessions.load() || state.value.needsSignIn) return;
    wanted = true;
    // When another tab syncs, this one only opens the live stream below (is the server reachable?).
    if (owner.isOwner && replications.length === 0) {
      const recent = new RecentFirst(collectionNames, recentFirstCollections, state.value.initialSync === 1);
      recent.in$.subscribe((yes) => yes && !state.value.recentSynced && state.set({ recentSynced: true }));
      const { db, pending } = local;
      const replication = {
        db,
        api,
        pending,
        serverWins: local.serverWins,
        retryTime: deps.options.retryTime,
        onSynced,
        recent,
        pullBatchSize: deps.options.pullBatchSize,
      };
      const role = state.value.user?.role;
      replications = collectionNames.map((n) => {
        const r = replicateCollection(n, replication, streams[n], { push: canWrite(n, role), recentFirst: isRecentFirst(n), pushAfter: NAMES_EXERCISES.has(n) && canWrite('exercises', role) ? ['exercises'] : [] });
        const report = deps.options.onSyncError;
        if (report) r.error$.subscribe((e) => report(n, e));
        return r;
      });
      trackInitialSync(recent);
    } else if (owner.isOwner) {
      for (const r of replications) if (r.isPaused()) void r.start();
    }
    live ??= openLiveStream(api, {
      onEvent(event) {
        if (event === 'RESYNC') for (const s of Object.values(streams)) s.next('RESYNC');
        else if (event.collection in streams) streams[event.collection as CollectionName].next({ documents: event.documents, checkpoint: event.checkpoint });
      },
      onOpen: () => state.set({ online: true }),
      onDown: () => state.set({ online: false }),
      onSignInNeeded: () => void pauseForSignIn(),
    });
  }

  function trackInitialSync(recent: RecentFirst): void {
    if (state.value.initialSync === 1) return;
    let done = 0;
    const all = replications;
    for (const [i, r] of all.entries()) {
      void r.awaitInitialReplication().then(() => {
        recent.markIn(collectionNames[i]!);
        done += 1;
        state.set({ initialSync: done / all.length });
        if (done === all.length) void saveMeta({ lastSyncAt: state.value.lastSyncAt, initialDone: true });
      }, () => undefined);
    }
  }

  /**
   * The network changed (the browser's 'online'/'offline' events; simulations call it too).
   * Back online: reconnect the live stream and re-pull every collection now, instead of waiting
   * out the stream's back-off (up to 10 s) — local changes are pushed by RxDB, which already
   * retries on 'online'. Offline: drop the stream at once so "Online" is never stale.
   */
  function networkChanged(online: boolean): void {
    if (!online) {
      live?.drop();
      state.set({ online: false });
      return;
    }
    if (!sessions.load() || state.value.needsSignIn) return;
    live?.reconnectNow();
    for (const r of replications) if (!r.isPaused() && !r.isStopped()) r.reSync();
  }

  const onOnline = () => networkChanged(true);
  const onOffline = () => networkChanged(false);
  const win = typeof window === 'object' && typeof window.addEventListener === 'function' ? window : null;
  win?.addEventListener('online', onOnline);
  win?.addEventListener('offline', onOffline);

  async function stop(): Promise<void> {
    wanted = false;
    live?.close();
    live = null;
    await cancelReplications();
    state.set({ online: false });
  }

  /** Wait until every replication has pushed and pulled what it has (tests, sign-out). */
  async function awaitInSync(): Promise<void> {
    await Promise.all(replications.map((r) => r.awaitInSync()));
  }

  /** Stops sync and the network listeners for good (the device closes). */
  async function dispose(): Promise<void> {
    win?.removeEventListener('online', onOnline);
    win?.removeEventListener('offline', onOffline);
    ownership.unsubscribe();
    writes.unsubscribe();
    await stop();
    owner.dispose();
  }

  return { restore, start, stop, networkChanged, awaitInSync, pauseForSignIn, dispose };
}
