import type { Checkpoint, CollectionName } from '@spotter/shared';
import type { RxCollection } from 'rxdb';
import { BehaviorSubject } from 'rxjs';

/**
 * The longest a history page waits for the recent weeks of the other collections, or for its
 * own recent weeks to be written: only an ordering preference, so it must never stall a sync
 * (a collection whose pulls keep failing, a replication cancelled mid-way).
 */
export const RECENT_WAIT_MS = 15_000;

/**
 * Once the recent weeks are in, the history waits this long more: what the recent weeks are
 * for (the dashboard re-reads them as soon as `recentSynced` turns true) gets IndexedDB to itself
 * first. A reader's transactions on a collection otherwise queue behind a history write of
 * thousands of documents (bench: the numbers final at 6–10 s in about half the runs instead of
 * ~3 s). It costs the complete sync as much, a fraction of its 10–25 s.
 */
export const READERS_FIRST_MS = 500;

/**
 * A device's first sync, recent weeks first (docs/DESIGN.md "First sync, recent weeks first"). The server sends the first pull
 * of sessions, logs and messages in phases (recent, history, then onward, carried in the
 * checkpoint); this tracks when each collection's recent rows are *written* on the device:
 *  - for the UI: `in$` is true once every collection's recent rows are here (the phased
 *    collections' recent phase, every other collection's whole first sync), so the dashboard's
 *    numbers are right while older history still downloads;
 *  - for the order of the writes: RxDB fetches the next page while it still writes the last
 *    ones and merges every page waiting into one write, so the last recent rows would land
 *    with thousands of history rows in one long IndexedDB transaction. A phased collection
 *    therefore fetches its first history-only page once its recent rows are written and the
 *    other phased collections' too (`beforePage`).
 */
export class RecentFirst {
  readonly #phased: ReadonlySet<CollectionName>;
  readonly #all: readonly CollectionName[];
  readonly #in = new Set<CollectionName>();
  readonly #phasedIn = new BehaviorSubject(false);
  readonly in$ = new BehaviorSubject(false);
  /** Per phased collection: the last document of the page that left the recent phase, until it is written. */
  readonly #crossing = new Map<CollectionName, string | null>();
  /** Phased collections past their wait for the others' recent rows. */
  readonly #waited = new Set<CollectionName>();

  constructor(all: readonly CollectionName[], phased: readonly CollectionName[], alreadyDone: boolean) {
    this.#all = all;
    this.#phased = new Set(phased);
    if (alreadyDone) for (const name of all) this.markIn(name);
  }

  /** This collection's recent rows are written (its first sync is done, or its recent phase). */
  markIn(name: CollectionName): void {
    if (this.#in.has(name)) return;
    this.#in.add(name);
    if (!this.#phasedIn.value && [...this.#phased].every((n) => this.#in.has(n))) this.#phasedIn.next(true);
    if (!this.in$.value && this.#all.every((n) => this.#in.has(n))) this.in$.next(true);
  }

  /**
   * Called by a phased collection's pull handler before each request, with RxDB's checkpoint.
   * Waits, when this page is the first of the history, until the recent rows are written here
   * and in the other phased collections.
   */
  async beforePage(collection: RxCollection, name: CollectionName, checkpoint: Checkpoint | undefined | null): Promise<void> {
    if (this.#waited.has(name)) return;
    if (this.#crossing.has(name)) {
      const last = this.#crossing.get(name);
      this.#crossing.delete(name);
      if (last) await written(collection, last);
      this.markIn(name);
    } else if (checkpoint && checkpoint.phase !== 'recent') {
      this.markIn(name); // resumed after the recent phase (or a device whose first sync predates phases)
    }
    if (!this.#in.has(name)) return;
    this.#waited.add(name); // once: after a timeout, never again
    await firstTrue(this.#phasedIn, RECENT_WAIT_MS);
    await firstTrue(this.in$, RECENT_WAIT_MS);
    await new Promise((r) => setTimeout(r, READERS_FIRST_MS));
  }

  /** Called with each answer: a page whose checkpoint has left the recent phase holds its last recent rows. */
  afterPage(name: CollectionName, request: Checkpoint | undefined | null, answer: { documents: Record<string, unknown>[]; checkpoint: Checkpoint | null }): void {
    if (this.#in.has(name) || (request && request.phase !== 'recent') || answer.checkpoint?.phase === 'recent') return;
    this.#crossing.set(name, answer.documents.length ? String(answer.documents.at(-1)!.id) : null);
  }
}

/**
 * Resolves once the document is in the collection's storage (deleted or not): RxDB writes a
 * page's documents in one transaction after the page, and earlier pages before it.
 */
function written(collection: RxCollection, id: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      sub.unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    // Subscribed before the read, so a write landing between the two is not missed.
    const sub = collection.eventBulks$.subscribe((bulk) => {
      if (bulk.events.some((e) => e.documentId === id)) done();
    });
    const timer = setTimeout(done, RECENT_WAIT_MS);
    collection.storageInstance.findDocumentsById([id], true).then((found) => found.length > 0 && done(), done);
  });
}

function firstTrue(subject: BehaviorSubject<boolean>, ms: number): Promise<void> {
  if (subject.value) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      sub.unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const sub = subject.subscribe((v) => v && done());
  });
}
