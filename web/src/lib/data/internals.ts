import type { Api } from './api.ts';
import type { SpotterDatabase } from './database.ts';
import type { Store } from './store.ts';

/**
 * A device's insides: the database, the generic document writes and the HTTP client. For the
 * data layer's own tests and for the sync simulation (sim/), which edits arbitrary fields the
 * way no page does. Pages never use this (door.test.ts keeps them out): they have the named
 * queries and commands.
 */
export interface DeviceInternals {
  db(): SpotterDatabase;
  store: Store;
  api: Api;
}

// A registered symbol, not a module's own: a test that reloads the data layer (vi.resetModules)
// still finds the insides of a device the reloaded copy made.
const KEY = Symbol.for('spotter.device-internals');

/** Hangs the insides on the device under a hidden key (not enumerable, not in its type). */
export function registerInternals(device: object, parts: DeviceInternals): void {
  Object.defineProperty(device, KEY, { value: parts, enumerable: false });
}

export function internals(device: object): DeviceInternals {
  const parts = (device as { [KEY]?: DeviceInternals })[KEY];
  if (!parts) throw new Error('Not a device made by createDevice.');
  return parts;
}
