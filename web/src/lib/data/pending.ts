import type { CollectionName } from '@spotter/shared';
import { BehaviorSubject, filter, firstValueFrom, type Subscription } from 'rxjs';
import type { SpotterDatabase } from './database.ts';
import { Echoes } from './echoes.ts';
import { jsonEqual, withoutMeta } from './equal.ts';

type Row = { newDocumentState: Record<string, any> };

/**
 * Counts local writes the server has not acknowledged yet ("changes waiting to upload").
 *
 * How: every write to a synced collection whose bulkWrite context is not RxDB's replication
 * (contexts starting with "replication-") marks `collection:id` pending. The push handler
 * clears an id once the server answered its push without a conflict AND the pushed state still
 * equals the document on this device (a newer edit made during the request stays pending).
 * A conflict answer is remembered; when RxDB writes the resolved state (context
 * "replication-up-write-conflict") and it equals the server's state — the server won, e.g. a
 * refused write, or the merge took nothing from this device — RxDB has nothing more to push, so
 * the id is cleared then. A merge that differs from the server's state is pushed again and
 * cleared by that push. The server's answer can also reach this device through the live
 * stream first (it notifies before it answers the push): the pulled state is then already the
 * answer, RxDB's own resolution write is refused as stale (409) and never emitted, and RxDB
 * sees nothing left to push — so a pulled state or a current local state equal to a recorded
 * answer clears the id too, in whichever order they arrive. The set is persisted in a local
 * document, so the count survives a reload while offline; RxDB itself re-pushes anything
 * unacknowledged on start.
 */
export class PendingTracker {
  readonly count$ = new BehaviorSubject(0);
  private readonly ids = new Set<string>();

  /** Resolves once no change of `collection` waits for the server (replication.ts `pushAfter`). */
  settled(collection: CollectionName): Promise<void> {
    const none = () => ![...this.ids].some((key) => key.startsWith(`${collection}:`));
    return firstValueFrom(this.count$.pipe(filter(none))).then(() => undefined);
  }
  /** The server's state from a conflict answer, until it is seen in place (echoes.ts). */
  private readonly answers = new Echoes();
  private readonly subs: Subscription[] = [];
  private saving: Promise<unknown> = Promise.resolve();
  private readonly db: SpotterDatabase;
  /** Tabs share the database (multiInstance): only the owner tab replicates (sync-owner.ts). */
  private readonly shared: boolean;
  private readonly isOwner: () => boolean;

  constructor(db: SpotterDatabase, shared = false, isOwner: () => boolean = () => true) {
    this.db = db;
    this.shared = shared;
    this.isOwner = isOwner;
  }

  /**
   * With several tabs only the owner pushes, so only it can clear ids: it alone saves the
   * set, and the other tabs mirror the saved set (their own count would otherwise never drop).
   */
  private follower(): boolean {
    return this.shared && !this.isOwner();
  }

  async start(names: readonly CollectionName[]): Promise<void> {
    const saved = await this.db.getLocal<{ ids: string[] }>('pending');
    for (const key of saved?.toJSON().data.ids ?? []) this.ids.add(key);
    this.count$.next(this.ids.size);
    if (this.shared) {
      this.subs.push(
        this.db.getLocal$<{ ids: string[] }>('pending').subscribe((doc) => {
          if (!this.follower()) return;
          this.ids.clear();
          for (const key of doc?.toJSON().data.ids ?? []) this.ids.add(key);
          this.count$.next(this.ids.size);
        }),
      );
    }
    for (const name of names) {
      this.subs.push(
        this.db[name].eventBulks$.subscribe((bulk) => {
          if (bulk.context === 'replication-up-write-conflict') return this.resolved(name, bulk.events);
          if (bulk.context.startsWith('replication-downstream')) return this.pulled(name, bulk.events);
          if (bulk.context.startsWith('replication-')) return;
          for (const event of bulk.events) this.ids.add(`${name}:${event.documentId}`);
          this.changed();
        }),
      );
    }
  }

  stop(): void {
    for (const sub of this.subs.splice(0)) sub.unsubscribe();
  }

  private resolved(name: CollectionName, events: readonly { documentId: string; documentData: Record<string, any> }[]): void {
    let cleared = false;
    for (const event of events) {
      const key = `${name}:${event.documentId}`;
      if (!this.answers.waiting(key)) continue;
      const own = this.answers.take(key, event.documentData);
      this.answers.drop(key); // RxDB's resolution settles it either way
      if (own) cleared = this.ids.delete(key) || cleared;
    }
    if (cleared) this.changed();
  }

  /** A pulled state equal to a recorded answer: the answer is in place, nothing left to push. */
  private pulled(name: CollectionName, events: readonly { documentId: string; documentData: Record<string, any> }[]): void {
    let cleared = false;
    for (const event of events) {
      const key = `${name}:${event.documentId}`;
      if (this.answers.take(key, event.documentData)) cleared = this.ids.delete(key) || cleared;
    }
    if (cleared) this.changed();
  }

  /** Called by the push handler with the server's answer (its conflict documents, `_refusal` stripped). */
  async acknowledge(name: CollectionName, rows: readonly Row[], conflicts: readonly Record<string, any>[]): Promise<void> {
    const conflictIds = new Set<string>();
    for (const server of conflicts) {
      const row = rows.find((r) => String(r.newDocumentState.id) === String(server.id));
      // The server already holds exactly what we pushed: as good as acknowledged.
      if (row && jsonEqual(row.newDocumentState, server)) continue;
      conflictIds.add(String(server.id));
      this.answers.expect(`${name}:${server.id}`, server, { latest: true });
    }
    const acked = rows.filter((r) => !conflictIds.has(String(r.newDocumentState.id)) && this.ids.has(`${name}:${r.newDocumentState.id}`));
    if (acked.length === 0 && conflictIds.size === 0) return;
    const current = await this.db[name].storageInstance.findDocumentsById(
      [...acked.map((r) => String(r.newDocumentState.id)), ...conflictIds],
      true,
    );
    const byId = new Map(current.map((d: any) => [String(d.id), d]));
    let cleared = false;
    // The answer was already pulled through the stream (see the class comment).
    for (const id of conflictIds) {
      const key = `${name}:${id}`;
      const local = byId.get(id);
      if (local && this.answers.take(key, local)) cleared = this.ids.delete(key) || cleared;
    }
    for (const row of acked) {
      const local = byId.get(String(row.newDocumentState.id));
      if (!local || jsonEqual(withoutMeta(local), row.newDocumentState)) {
        cleared = this.ids.delete(`${name}:${row.newDocumentState.id}`) || cleared;
      }
    }
    if (cleared) this.changed();
  }

  private changed(): void {
    this.count$.next(this.ids.size);
    if (this.follower()) return;
    const ids = [...this.ids];
    // Serialised so an older snapshot never overwrites a newer one.
    this.saving = this.saving.then(() => this.db.upsertLocal('pending', { ids })).catch(() => undefined);
  }

  flush(): Promise<unknown> {
    return this.saving;
  }
}
