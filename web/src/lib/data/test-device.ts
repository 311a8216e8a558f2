// Test support for the data-layer tests (not shipped: only *.test.ts files import it).
// A device is the REAL data layer: RxDB on Dexie over fake-indexeddb, against the REAL server.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { CollectionName, DocOf, Exercise } from '@spotter/shared';
import { idbMediaFiles } from './media-files.ts';
import { createDevice, type Device, type DeviceOptions } from './device.ts';
import { internals } from './internals.ts';
import { LocalDatabase } from './local.ts';
import { SyncStateStore } from './sync-state.ts';
import type { Fetch } from './api.ts';
import { memorySessionStore, type SessionStore } from './session-store.ts';

/**
 * One simulated browser: its own IndexedDB (kept across close/reopen, like a browser profile),
 * its own saved session (like localStorage) and a network switch. Offline, every request fails
 * the way a browser's fetch does (TypeError), the live stream included.
 */
export class TestBrowser {
  indexedDB = new IDBFactory();
  readonly sessions: SessionStore = memorySessionStore();
  online = true;
  /** Every request made, for asserting what went over the wire. */
  readonly requests: { url: string; body: string }[] = [];
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  readonly fetch: Fetch = async (input, init) => {
    if (!this.online) throw new TypeError('Failed to fetch (offline)');
    this.requests.push({ url: String(input), body: typeof init?.body === 'string' ? init.body : '' });
    return globalThis.fetch(input, init);
  };

  open(opts: Pick<DeviceOptions, 'pullBatchSize' | 'onSyncError'> = {}): Promise<Device> {
    return createDevice({
      ...opts,
      baseUrl: this.baseUrl,
      storage: getRxStorageDexie({ indexedDB: this.indexedDB, IDBKeyRange }),
      name: 'spotter',
      fetch: this.fetch,
      sessions: this.sessions,
      retryTime: 100,
      // Picked and kept media live in this browser's own IndexedDB (wiped with it).
      mediaFiles: idbMediaFiles(this.indexedDB as unknown as globalThis.IDBFactory, 'spotter-media'),
    });
  }

  /** The browser cleared the site's IndexedDB (the saved session, in localStorage, survives). */
  wipeIndexedDB(): void {
    this.indexedDB = new IDBFactory();
  }

  setOnline(device: Device, online: boolean): void {
    this.online = online;
    device.networkChanged(online);
  }
}

/**
 * A device that is never signed in and has no server (nothing listens on its base URL, so any
 * network use would fail the test): exactly a user offline from the start. RxDB allows one
 * open device per JS realm, so close it after each test.
 */
export function offlineDevice(name: string, indexedDB = new IDBFactory()): Promise<Device> {
  return createDevice({
    baseUrl: 'http://127.0.0.1:9',
    storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
    name,
    sessions: memorySessionStore(),
  });
}

/** One document as the device holds it (a plain copy), or null: what a test asserts on. */
export const localDoc = <C extends CollectionName>(device: Device, collection: C, id: string) => internals(device).store.get(collection, id);

/** Every live document of a collection on the device (plain copies). */
export const localDocs = <C extends CollectionName>(device: Device, collection: C) => internals(device).store.all(collection);

/** Writes a document as it is, without a named command: for tests that set up arbitrary states. */
export const putDoc = <C extends CollectionName>(device: Device, collection: C, doc: DocOf<C>) => internals(device).store.put(collection, doc);

/** A device's local database on its own (no server, no session): the offline modules' tests. */
export async function openLocal(indexedDB = new IDBFactory(), state = new SyncStateStore(null)): Promise<LocalDatabase> {
  const local = new LocalDatabase({ name: 'local', storage: getRxStorageDexie({ indexedDB, IDBKeyRange }), multiInstance: false }, state);
  await local.open();
  return local;
}

/** Polls `read` until `ok` holds (sync is asynchronous by design); the test timeout bounds it. */
export async function until<T>(read: () => Promise<T> | T, ok: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every document (deleted ones included) the server would send this token's user. */
export async function serverDocs<T = any>(url: string, token: string, collection: CollectionName): Promise<(T & { id: string; _deleted: boolean })[]> {
  const out: (T & { id: string; _deleted: boolean })[] = [];
  let checkpoint: unknown = null;
  for (;;) {
    const res = await fetch(`${url}/api/sync/${collection}/pull`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ checkpoint, batchSize: 500 }),
    });
    if (!res.ok) throw new Error(`pull ${collection}: ${res.status}`);
    const page = (await res.json()) as { documents: (T & { id: string; _deleted: boolean })[]; checkpoint: unknown };
    out.push(...page.documents);
    if (page.documents.length < 500) return out;
    checkpoint = page.checkpoint;
  }
}

/**
 * How many documents of each collection the device holds (deleted ones excluded). Not
 * `count()`: on messages RxDB plans it on the [_deleted, targetId] index, which IndexedDB
 * leaves without the documents whose targetId is null, so it answers 0.
 */
export async function localCounts(device: Device, names: readonly CollectionName[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = (await internals(device).store.all(name)).length;
  return out;
}

/**
 * coach@demo.test's device, signed in and in sync with the real server, with the id of their
 * client client@demo.test and the exercise library as the device holds it.
 */
export async function syncedCoach(server: { url: string; login(email: string): Promise<{ user: { id: string } }> }, browser = new TestBrowser(server.url)) {
  const clientId = (await server.login('client@demo.test')).user.id;
  const device = await browser.open();
  await device.signIn('coach@demo.test', 'spotter-demo');
  await device.awaitInSync();
  const library: Exercise[] = await internals(device).store.all('exercises');
  return { device, clientId, library };
}

/** A gate a test opens by hand: `await opened` holds a request until the test calls `open()`. */
export function gate(): { open: () => void; opened: Promise<void> } {
  let open = () => undefined as void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}
