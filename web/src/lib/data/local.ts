import { collectionNames, type CollectionName } from '@spotter/shared';
import type { RxStorage } from 'rxdb';
import type { Subscription } from 'rxjs';
import { openDatabase, type SpotterDatabase } from './database.ts';
import { Echoes } from './echoes.ts';
import { PendingTracker } from './pending.ts';
import type { SyncStateStore } from './sync-state.ts';

export interface LocalOptions {
  name: string;
  storage: RxStorage<any, any>;
  /** True in browsers: tabs share the database and only the owner tab replicates (sync-owner.ts). */
  multiInstance: boolean;
  /** Is this tab the one that syncs? (sync-owner.ts; a single-tab device always is.) */
  isOwner?: () => boolean;
}

/**
 * The device's database and its pending-changes count, as one unit that opens, is removed
 * (sign-out, another person signing in) and opens again empty. Everything else in the data
 * layer reaches the database through `db`, read at the moment of use, so a wipe never leaves
 * a module holding the removed instance.
 */
export class LocalDatabase {
  readonly #opts: LocalOptions;
  readonly #state: SyncStateStore;
  /** The server's refusing answers per collection, shared by the push handler and the conflict handler (conflicts.ts). */
  readonly serverWins = Object.fromEntries(collectionNames.map((n) => [n, new Echoes()])) as Record<CollectionName, Echoes>;
  #db: SpotterDatabase | null = null;
  #pending: PendingTracker | null = null;
  #count: Subscription | null = null;

  constructor(opts: LocalOptions, state: SyncStateStore) {
    this.#opts = opts;
    this.#state = state;
  }

  get db(): SpotterDatabase {
    if (!this.#db) throw new Error('The local database is not open.');
    return this.#db;
  }

  get pending(): PendingTracker {
    if (!this.#pending) throw new Error('The local database is not open.');
    return this.#pending;
  }

  get multiInstance(): boolean {
    return this.#opts.multiInstance;
  }

  async open(): Promise<void> {
    this.#db = await openDatabase({ name: this.#opts.name, storage: this.#opts.storage, multiInstance: this.#opts.multiInstance, serverWins: this.serverWins });
    this.#pending = new PendingTracker(this.#db, this.#opts.multiInstance, this.#opts.isOwner);
    await this.#pending.start(collectionNames);
    this.#count = this.#pending.count$.subscribe((n) => this.#state.set({ pending: n }));
  }

  /** Deletes every local document (the saved session lives elsewhere: session-store.ts). */
  async remove(): Promise<void> {
    this.#stopPending();
    await this.db.remove();
    this.#db = null;
  }

  async close(): Promise<void> {
    const pending = this.#pending;
    this.#stopPending();
    await pending?.flush();
    await this.db.close();
    this.#db = null;
  }

  #stopPending(): void {
    this.#pending?.stop();
    this.#count?.unsubscribe();
    this.#count = null;
  }
}
