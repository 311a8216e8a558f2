import { collectionNames, collections, HybridClock, recentFirstCollections, stampEdit, type Checkpoint, type CollectionName, type DocOf, type SessionUser } from '@spotter/shared';
import type { RxReplicationPullStreamItem, RxStorage } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, Subject, map, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { Api, type Fetch } from './api.ts';
import { openDatabase, type RefusedChange, type SpotterDatabase } from './database.ts';
import { PendingTracker } from './pending.ts';
import { RecentFirst } from './recent-first.ts';
import { replicateCollection } from './replication.ts';
import { localStorageSessionStore, type SessionStore } from './session-store.ts';
import { openLiveStream, type LiveStream } from './stream.ts';

export interface SyncState {
  /** The live stream to the server is connected. */
  online: boolean;
  /** Local changes not yet acknowledged by the server. */
  pending: number;
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

export interface DeviceOptions {
  baseUrl: string;
  storage: RxStorage<any, any>;
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
   * The clock that stamps each field's edits (docs/DESIGN.md "Sync", the per-field rule);
   * default: the device's own clock, corrected by the server's time on every answer. The
   * simulation passes skewed ones.
   */
  clock?: HybridClock;
}

export type Device = Awaited<ReturnType<typeof createDevice>>;

type Stream = Subject<RxReplicationPullStreamItem<any, Checkpoint>>;
const isRecentFirst = (name: CollectionName) => (recentFirstCollections as readonly string[]).includes(name);
/** No role (not signed in yet): every collection replicates both ways, as before roles existed. */
const canWrite = (name: CollectionName, role: SessionUser['role'] | undefined): boolean =>
  !role || (collections[name].writers as readonly string[]).includes(role);
const emptyRecord = <T>(make: () => T) => Object.fromEntries(collectionNames.map((n) => [n, make()])) as Record<CollectionName, T>;

/**
 * A device: the local database, the signed-in user and the sync with the server. The only
 * owner of RxDB in the app (issue 3); pages use its typed helpers and queries.
 */
export async function createDevice(opts: DeviceOptions) {
  const name = opts.name ?? 'spotter';
  const sessions = opts.sessions ?? localStorageSessionStore();
  const serverWins = emptyRecord(() => new Set<string>());
  const streams = emptyRecord<Stream>(() => new Subject());
  const state$ = new BehaviorSubject<SyncState>({
    online: false,
    pending: 0,
    lastSyncAt: null,
    initialSync: 0,
    recentSynced: false,
    needsSignIn: false,
    user: sessions.load()?.user ?? null,
  });
  const set = (patch: Partial<SyncState>) => state$.next({ ...state$.value, ...patch });
  const clock = opts.clock ?? new HybridClock({ node: uuidv7().replaceAll('-', '').slice(-12) });
  const stamp = (after: string | null) => clock.stamp(after);

  let db: SpotterDatabase;
  let pending: PendingTracker;
  let replications: RxReplicationState<any, any>[] = [];
  let live: LiveStream | null = null;

  const api = new Api({ baseUrl: opts.baseUrl, fetch: opts.fetch, sessions, onSignInNeeded: () => void pauseForSignIn(), clock });

  async function open(): Promise<void> {
    db = await openDatabase({ name, storage: opts.storage, multiInstance: opts.multiInstance ?? false, serverWins });
    pending = new PendingTracker(db, opts.multiInstance ?? false);
    await pending.start(collectionNames);
    pending.count$.subscribe((n) => set({ pending: n }));
    const meta = (await db.getLocal<{ lastSyncAt: string | null; initialDone: boolean; clockOffsetMs?: number }>('sync'))?.toJSON().data;
    // Until the server answers, an edit is stamped with the correction learnt last time.
    if (meta?.clockOffsetMs !== undefined) clock.restoreOffset(meta.clockOffsetMs);
    set({ lastSyncAt: meta?.lastSyncAt ?? null, initialSync: meta?.initialDone ? 1 : 0, recentSynced: !!meta?.initialDone });
  }

  let lastSaved = 0;
  function onSynced(): void {
    const now = new Date().toISOString();
    set({ lastSyncAt: now });
    // Persisting on every batch of a first sync would double its writes; once a second is plenty.
    if (Date.now() - lastSaved > 1000) {
      lastSaved = Date.now();
      void db.upsertLocal('sync', { lastSyncAt: now, initialDone: state$.value.initialSync === 1, clockOffsetMs: clock.offsetMs }).catch(() => undefined);
    }
  }

  async function pauseForSignIn(): Promise<void> {
    if (state$.value.needsSignIn) return;
    set({ needsSignIn: true, online: false });
    live?.close();
    live = null;
    // Paused, not cancelled: every local change stays queued in RxDB until sign-in.
    await Promise.all(replications.map((r) => r.pause()));
  }

  function startSync(): void {
    if (!sessions.load() || state$.value.needsSignIn) return;
    if (replications.length === 0) {
      const recent = new RecentFirst(collectionNames, recentFirstCollections, state$.value.initialSync === 1);
      recent.in$.subscribe((yes) => yes && !state$.value.recentSynced && set({ recentSynced: true }));
      const deps = { db, api, pending, serverWins, retryTime: opts.retryTime ?? 3000, waitForLeadership: opts.multiInstance ?? false, onSynced, recent, pullBatchSize: opts.pullBatchSize ?? 1000 };
      const role = state$.value.user?.role;
      replications = collectionNames.map((n) => replicateCollection(n, deps, streams[n], { push: canWrite(n, role), recentFirst: isRecentFirst(n) }));
      trackInitialSync(recent);
    } else {
      for (const r of replications) if (r.isPaused()) void r.start();
    }
    live ??= openLiveStream(api, {
      onEvent(event) {
        if (event === 'RESYNC') for (const s of Object.values(streams)) s.next('RESYNC');
        else if (event.collection in streams) streams[event.collection as CollectionName].next({ documents: event.documents, checkpoint: event.checkpoint });
      },
      onOpen: () => set({ online: true }),
      onDown: () => set({ online: false }),
      onSignInNeeded: () => void pauseForSignIn(),
    });
  }

  function trackInitialSync(recent: RecentFirst): void {
    if (state$.value.initialSync === 1) return;
    let done = 0;
    for (const [i, r] of replications.entries()) {
      void r.awaitInitialReplication().then(() => {
        recent.markIn(collectionNames[i]!);
        done += 1;
        set({ initialSync: done / replications.length });
        if (done === replications.length) void db.upsertLocal('sync', { lastSyncAt: state$.value.lastSyncAt, initialDone: true, clockOffsetMs: clock.offsetMs });
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
      set({ online: false });
      return;
    }
    if (!sessions.load() || state$.value.needsSignIn) return;
    live?.reconnectNow();
    for (const r of replications) if (!r.isPaused() && !r.isStopped()) r.reSync();
  }

  const onOnline = () => networkChanged(true);
  const onOffline = () => networkChanged(false);
  const win = typeof window === 'object' && typeof window.addEventListener === 'function' ? window : null;
  win?.addEventListener('online', onOnline);
  win?.addEventListener('offline', onOffline);

  async function stopSync(): Promise<void> {
    live?.close();
    live = null;
    await Promise.all(replications.map((r) => r.cancel()));
    replications = [];
    set({ online: false });
  }

  /** Wait until every replication has pushed and pulled what it has (tests, sign-out). */
  async function awaitInSync(): Promise<void> {
    await Promise.all(replications.map((r) => r.awaitInSync()));
  }

  async function signIn(email: string, password: string): Promise<SessionUser> {
    const previous = sessions.load()?.user;
    const { user } = await api.login(email, password);
    if (previous && previous.id !== user.id) {
      // Another person's data must never mix with this one's: start from an empty device.
      const saved = sessions.load();
      await wipe();
      if (saved) sessions.save(saved);
    }
    set({ user, needsSignIn: false });
    startSync();
    return user;
  }

  /** The last signed-in user, without a password (works offline). Starts sync. */
  function resumeSession(): SessionUser | null {
    const user = sessions.load()?.user ?? null;
    set({ user });
    if (user) startSync();
    return user;
  }

  async function wipe(): Promise<void> {
    await stopSync();
    pending.stop();
    await db.remove();
    set({ lastSyncAt: null, initialSync: 0, recentSynced: false, pending: 0 });
    await open();
  }

  /**
   * Signs out and clears the device. With unsynced changes and no `force`, nothing happens
   * and the count is returned so the UI can warn ("3 changes not uploaded yet").
   */
  async function signOut({ force = false } = {}): Promise<{ signedOut: boolean; unsynced: number }> {
    const unsynced = state$.value.pending;
    if (unsynced > 0 && !force) return { signedOut: false, unsynced };
    await api.logout();
    await wipe();
    sessions.clear();
    set({ user: null, needsSignIn: false });
    return { signedOut: true, unsynced };
  }

  function parse<C extends CollectionName>(collection: C, doc: DocOf<C>): DocOf<C> {
    return collections[collection].schema.parse({ ...doc, updatedAt: new Date(clock.now()).toISOString() }) as DocOf<C>;
  }

  /**
   * Validates with the shared zod schema (throws ZodError) and writes. Sets updatedAt. A
   * collection this user's role never writes is replicated pull-only, so such a write could
   * never reach the server: it is refused here instead of waiting to upload forever.
   */
  async function put<C extends CollectionName>(collection: C, doc: DocOf<C>): Promise<DocOf<C>> {
    const role = state$.value.user?.role;
    if (role && !canWrite(collection, role)) throw new Error(`A ${role} cannot change ${collection}.`);
    const parsed = parse(collection, doc);
    const coll = db[collection] as any;
    // Not `upsert`: for a document that exists it first tries an insert (a readwrite
    // transaction that finds the document and commits nothing), then writes — two IndexedDB
    // round trips per builder edit. `findByIds` answers from RxDB's document cache when the
    // document is held by a live query (the page showing it), so an edit is one transaction;
    // a stale cache entry is a conflict that RxDB's incremental write retries on the fresh state.
    // Each field this write changes is stamped (merge.ts stampEdit) against the stored version.
    const existing = (await coll.findByIds([parsed.id]).exec()).get(parsed.id);
    let written = parsed;
    if (existing) await existing.incrementalModify((current: DocOf<C>) => (written = stampEdit(current, parsed, stamp)));
    else {
      try {
        await coll.insert((written = stampEdit(null, parsed, stamp)));
      } catch {
        // Written meanwhile (another tab, a pull), or soft-deleted.
        const current = (await coll.findOne(parsed.id).exec())?.toMutableJSON() ?? null;
        await coll.upsert((written = stampEdit(current, parsed, stamp)));
      }
    }
    return written;
  }

  async function get<C extends CollectionName>(collection: C, id: string): Promise<DocOf<C> | null> {
    const doc = await (db[collection] as any).findOne(id).exec();
    return doc ? (doc.toMutableJSON() as DocOf<C>) : null;
  }

  /** Changes some fields of an existing document (validated like put). */
  async function patch<C extends CollectionName>(collection: C, id: string, changes: Partial<DocOf<C>>): Promise<DocOf<C>> {
    const current = await get(collection, id);
    if (!current) throw new Error(`No ${collection} document ${id} on this device.`);
    return put(collection, { ...current, ...changes });
  }

  /** Soft delete (DESIGN.md: every device learns of it). Bumps updatedAt first, for merges. */
  async function softDelete(collection: CollectionName, id: string): Promise<void> {
    const doc = await (db[collection] as any).findOne(id).exec();
    if (!doc) return;
    const updated = await doc.incrementalPatch({ updatedAt: new Date(clock.now()).toISOString() });
    await updated.incrementalRemove();
  }

  /** Puts a refused change back as the current document (it syncs again) and forgets it. */
  async function restoreRefused(refusedId: string): Promise<void> {
    const entry = await db.refused.findOne(refusedId).exec();
    if (!entry) return;
    const { _deleted, ...attempted } = entry.toMutableJSON().attempted as Record<string, unknown>;
    await put(entry.collectionName, attempted as any);
    await entry.remove();
  }

  async function dismissRefused(refusedId: string): Promise<void> {
    await (await db.refused.findOne(refusedId).exec())?.remove();
  }

  async function close(): Promise<void> {
    win?.removeEventListener('online', onOnline);
    win?.removeEventListener('offline', onOffline);
    await stopSync();
    pending.stop();
    await pending.flush();
    await db.close();
  }

  await open();

  return {
    get db() {
      return db;
    },
    api,
    syncState$: state$ as Observable<SyncState> & { readonly value: SyncState },
    get refused$(): Observable<RefusedChange[]> {
      return db.refused.find({ sort: [{ at: 'desc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as RefusedChange)));
    },
    newId: () => uuidv7(),
    signIn,
    signOut,
    resumeSession,
    startSync,
    stopSync,
    networkChanged,
    awaitInSync,
    put,
    get,
    patch,
    softDelete,
    restoreRefused,
    dismissRefused,
    close,
  };
}
