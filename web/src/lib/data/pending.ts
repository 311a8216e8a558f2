import type { CollectionName } from '@spotter/shared';
import { BehaviorSubject, type Subscription } from 'rxjs';
import type { SpotterDatabase } from './database.ts';
import { jsonEqual, withoutMeta } from './equal.ts';

type Row = { newDocumentState: Record<string, any> };

/**
 * Counts local writes the server has not acknowledged yet ("changes waiting to upload").
 *
 * How: every write to a synced collection whose bulkWrite context is not RxDB's replication
 * (contexts starting with "replication-") marks `collection:id` pending. The push handler
 * clears an id once the server answered its push without a conflict AND the pushed state still
 * equals the document on this device (a newer edit made during the request stays pending).
 * After a conflict RxDB always writes the resolved state and pushes it again, so conflicted ids
 * are cleared by that second push. The set is persisted in a local document, so the count
 * survives a reload while offline; RxDB itself re-pushes anything unacknowledged on start.
 */
export class PendingTracker {
  readonly count$ = new BehaviorSubject(0);
  private readonly ids = new Set<string>();
  private readonly subs: Subscription[] = [];
  private saving: Promise<unknown> = Promise.resolve();
  private readonly db: SpotterDatabase;

  constructor(db: SpotterDatabase) {
    this.db = db;
  }

  async start(names: readonly CollectionName[]): Promise<void> {
    const saved = await this.db.getLocal<{ ids: string[] }>('pending');
    for (const key of saved?.toJSON().data.ids ?? []) this.ids.add(key);
    this.count$.next(this.ids.size);
    for (const name of names) {
      this.subs.push(
        this.db[name].eventBulks$.subscribe((bulk) => {
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

  /** Called by the push handler after the server answered. */
  async acknowledge(name: CollectionName, rows: readonly Row[], conflictIds: ReadonlySet<string>): Promise<void> {
    const acked = rows.filter((r) => !conflictIds.has(String(r.newDocumentState.id)) && this.ids.has(`${name}:${r.newDocumentState.id}`));
    if (acked.length === 0) return;
    const current = await this.db[name].storageInstance.findDocumentsById(
      acked.map((r) => String(r.newDocumentState.id)),
      true,
    );
    const byId = new Map(current.map((d: any) => [String(d.id), d]));
    let cleared = false;
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
    const ids = [...this.ids];
    // Serialised so an older snapshot never overwrites a newer one.
    this.saving = this.saving.then(() => this.db.upsertLocal('pending', { ids })).catch(() => undefined);
  }

  flush(): Promise<unknown> {
    return this.saving;
  }
}
