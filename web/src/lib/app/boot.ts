import { createDevice, type Device } from '#lib/data/device.ts';
import { indexedDbStorage } from '#lib/data/storage.ts';

/**
 * Opens this browser's device: RxDB on IndexedDB (Dexie storage), shared by the app's tabs
 * (only the leader tab replicates). Same origin as the API, so the base URL is the page's.
 */
export async function openBrowserDevice(): Promise<Device> {
  return createDevice({ baseUrl: location.origin, storage: indexedDbStorage(), multiInstance: true });
}
