import { collections, stampDerived, stampEdit, type CollectionName, type DocOf, type HybridClock, type SessionUser } from '@spotter/shared';
import { map, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import { canWrite, type RefusedChange, type SpotterDatabase } from './database.ts';

/** A stored document without RxDB's bookkeeping (`_meta`, `_rev`, `_attachments`, `_deleted`). */
const ownFields = <T>(data: T): T => Object.fromEntries(Object.entries(data as object).filter(([k]) => !k.startsWith('_'))) as T;

/**
 * The device's document writes: every write is parsed with the shared zod schema, stamped
 * with `updatedAt` and stored at once (offline included); the sync engine uploads it later.
 * The named commands (commands.ts) are built on these; pages never call them directly.
 */
export function createStore(db: () => SpotterDatabase, role: () => SessionUser['role'] | undefined, clock: HybridClock) {
  const stamp = (after: string | null) => clock.stamp(after);
  function parse<C extends CollectionName>(collection: C, doc: DocOf<C>): DocOf<C> {
    return collections[collection].schema.parse({ ...doc, updatedAt: new Date(clock.now()).toISOString() }) as DocOf<C>;
  }

  /**
   * Validates with the shared zod schema (throws ZodError) and writes. Sets updatedAt. A
   * collection this user's role never writes is replicated pull-only, so such a write could
   * never reach the server: it is refused here instead of waiting to upload forever.
   */
  async function put<C extends CollectionName>(collection: C, doc: DocOf<C>): Promise<DocOf<C>> {
    const r = role();
    if (r && !canWrite(collection, r)) throw new Error(`A ${r} cannot change ${collection}.`);
    const parsed = parse(collection, doc);
    const coll = db()[collection] as any;
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

  /**
   * A read-modify-write: `change` gets the document as stored at the moment of writing (null
   * when the device does not hold it), inside RxDB's incremental write, which runs it again on
   * the newer state when another write (a pull, another tab) landed in between. Computed from
   * an earlier read instead, a field changed meanwhile looked changed *by this edit* and was
   * stamped back to its old value (sim seed 1156417607: another phone's completion of a log
   * reverted to null; commands.test.ts).
   */
  async function update<C extends CollectionName>(collection: C, id: string, change: (current: DocOf<C> | null) => DocOf<C>): Promise<DocOf<C>> {
    const r = role();
    if (r && !canWrite(collection, r)) throw new Error(`A ${r} cannot change ${collection}.`);
    const coll = db()[collection] as any;
    const existing = (await coll.findByIds([id]).exec()).get(id);
    if (!existing) return put(collection, change(null));
    let written!: DocOf<C>;
    await existing.incrementalModify((current: DocOf<C>) => (written = stampEdit(current, parse(collection, change(ownFields(current))), stamp)));
    return written;
  }

  /**
   * Writes a derived document (merge.ts DERIVED_STAMP: its id is given by a rule on every device
   * of its owner) only when this device does not hold it, stamped as derived: the server's copy,
   * whatever another device did to it meanwhile, wins over it. Answers what the device holds.
   * One the device holds as deleted is brought back by a plain write: that is the person asking again.
   */
  async function putDerived<C extends CollectionName>(collection: C, doc: DocOf<C>): Promise<DocOf<C>> {
    const r = role();
    if (r && !canWrite(collection, r)) throw new Error(`A ${r} cannot change ${collection}.`);
    const parsed = parse(collection, doc);
    const held = await get(collection, parsed.id);
    if (held) return held;
    const written = stampDerived(parsed);
    try {
      await (db()[collection] as any).insert(written);
    } catch {
      // Arrived meanwhile (a pull, another tab): theirs stands. Else it is held as deleted.
      return (await get(collection, parsed.id)) ?? put(collection, doc);
    }
    return written;
  }

  /**
   * A plain JSON copy, or null when the document is not on this device. By id (`findByIds`, not
   * `findOne`): a document the page shows is answered from RxDB's document cache, so a
   * read-modify-write (a set's "Done", commands.updateLog) costs one IndexedDB transaction, not two.
   */
  async function get<C extends CollectionName>(collection: C, id: string): Promise<DocOf<C> | null> {
    const doc = (await (db()[collection] as any).findByIds([id]).exec()).get(id);
    return doc ? (doc.toMutableJSON() as DocOf<C>) : null;
  }

  /** Changes some fields of an existing document (validated like put), as stored when it writes. */
  function patch<C extends CollectionName>(collection: C, id: string, changes: Partial<DocOf<C>>): Promise<DocOf<C>> {
    return update(collection, id, (current) => {
      if (!current) throw new Error(`No ${collection} document ${id} on this device.`);
      return { ...current, ...changes };
    });
  }

  /** Soft delete (every device learns of it). Bumps updatedAt first, for merges. */
  async function softDelete(collection: CollectionName, id: string): Promise<void> {
    const doc = await (db()[collection] as any).findOne(id).exec();
    if (!doc) return;
    const updated = await doc.incrementalPatch({ updatedAt: new Date(clock.now()).toISOString() });
    await updated.incrementalRemove();
  }

  /** Every live (not deleted) document of a collection: the simulation's and tests' view. */
  async function all<C extends CollectionName>(collection: C): Promise<DocOf<C>[]> {
    const docs = await (db()[collection] as any).find().exec();
    return docs.map((d: { toMutableJSON(): unknown }) => d.toMutableJSON() as DocOf<C>);
  }

  /** The writes the server refused, newest first. */
  const refused$ = (): Observable<RefusedChange[]> =>
    db().refused.find({ sort: [{ at: 'desc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON() as RefusedChange)));

  /** Puts a refused change back as the current document (it syncs again) and forgets it. */
  async function restoreRefused(refusedId: string): Promise<void> {
    const entry = await db().refused.findOne(refusedId).exec();
    if (!entry) return;
    const { _deleted, ...attempted } = entry.toMutableJSON().attempted as Record<string, unknown>;
    await put(entry.collectionName, attempted as any);
    await entry.remove();
  }

  async function dismissRefused(refusedId: string): Promise<void> {
    await (await db().refused.findOne(refusedId).exec())?.remove();
  }

  return { put, update, putDerived, get, patch, softDelete, all, refused$, restoreRefused, dismissRefused, newId: () => uuidv7() };
}

export type Store = ReturnType<typeof createStore>;
