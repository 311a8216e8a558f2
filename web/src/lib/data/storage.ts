import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

/** Where a device keeps its database: opaque outside the data layer. */
export type DeviceStorage = RxStorage<any, any>;

/**
 * RxDB on IndexedDB through Dexie: the browser's own IndexedDB by default; Node tests and
 * the simulation hand in fake-indexeddb's (`{ indexedDB, IDBKeyRange }`), one per simulated
 * browser profile.
 */
export function indexedDbStorage(idb?: { indexedDB: unknown; IDBKeyRange: unknown }): DeviceStorage {
  return getRxStorageDexie(idb as Parameters<typeof getRxStorageDexie>[0]);
}
