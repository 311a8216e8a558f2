import type { CollectionName } from '@spotter/shared';
import type { Scope } from './repository.ts';

/** What a transaction wrote, in the shape of the notifier's ChangeEvent (sync/notifier.ts). */
export interface WrittenChange {
  collections: CollectionName[];
  /** Absent: some rows' clients are unknown, every stream re-checks those collections. */
  clientIds?: string[];
}

/**
 * The writes of one transaction, collected so that the store can announce them inside it.
 * An announcement made after the commit is lost when the process dies in between (SIGKILL,
 * a crash): the write is there, acknowledged to nobody yet but kept, and the other instances'
 * streams are never woken for it — their devices hold the older version until something else
 * wakes them (sim seed 1729251067, sim/README.md). PostgreSQL delivers a NOTIFY sent inside a
 * transaction exactly when that transaction commits, so the announcement and the write are one.
 */
export class TxChanges {
  /** Per collection, the clients whose rows were written; null when some are unknown. */
  readonly #written = new Map<CollectionName, Set<string> | null>();

  /** Rows were written with these documents (their `clientId` says whom they concern). */
  wrote(collection: CollectionName, docs: Iterable<object>): void {
    const clients = this.#clientsOf(collection);
    for (const doc of docs) {
      const clientId = (doc as { clientId?: unknown }).clientId;
      if (clients && typeof clientId === 'string') clients.add(clientId);
    }
  }

  /** Rows in scope got new seqs: a scope by clientId names its clients, any other is unknown. */
  bumped(collection: CollectionName, scope: Scope): void {
    if (scope !== 'all' && scope.length && scope.every((s) => s.field === 'clientId')) {
      this.wrote(collection, scope.flatMap((s) => s.values).map((clientId) => ({ clientId })));
    } else {
      this.#clientsOf(collection);
      this.#written.set(collection, null);
    }
  }

  /** The change to announce, or null when nothing was written. */
  change(): WrittenChange | null {
    if (!this.#written.size) return null;
    const collections = [...this.#written.keys()];
    const sets = [...this.#written.values()];
    if (sets.some((s) => s === null)) return { collections };
    return { collections, clientIds: [...new Set(sets.flatMap((s) => [...s!]))].sort() };
  }

  #clientsOf(collection: CollectionName): Set<string> | null {
    if (!this.#written.has(collection)) this.#written.set(collection, new Set());
    return this.#written.get(collection)!;
  }
}
