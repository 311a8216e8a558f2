import type { Checkpoint } from '@spotter/shared';
import type { RxCollection } from 'rxdb';
import { Echoes } from './echoes.ts';
import { jsonEqual, withoutMeta } from './equal.ts';

type Doc = Record<string, any>;

/**
 * Pulled states RxDB may drop (docs/DESIGN.md "Every deletion reaches every device").
 *
 * RxDB does not write a pulled state over a document this device changed and has not heard
 * back about, and moves its pull checkpoint on: it counts on the push of that change meeting
 * the server's newer state as a conflict. But a push the server committed just BEFORE that
 * newer state (another device deleted the document, the server withdrew a plan's session) is
 * acknowledged without a conflict, and the pulled state was never applied — the device then
 * said "synced" while it held a document the server had deleted.
 *
 * So a pulled document that differs from what the device holds is remembered here, and handed
 * to RxDB once more after the next push is answered: at once through the live stream's path
 * (RxDB applies stream events only once no push is running, so it then meets the acknowledged
 * state), and with the next pulled page too (RxDB drops a stream event that a re-pull started
 * after, and that re-pull starts past it). Handed back, it is checked again like any pulled
 * document: held still while the device holds another state. A newer state of the same
 * document that arrives meanwhile replaces it.
 *
 * A pulled state that is this device's own write coming back (a state it pushed, or the
 * server's answer to its push: `sent`/`answer`) is never held: it is older than what the
 * device holds now, and handing it back would overwrite the newer local edit with it while the
 * server keeps the newer one (the device would show a log without what was typed).
 */
export class HeldBack {
  private readonly docs = new Map<string, Doc>();
  /** Held documents a push was answered since: to hand back with the next pulled page. */
  private readonly ready = new Set<string>();
  private checkpoint: Checkpoint | null = null;
  /** States of this device's own writes that the server holds or held (echoes.ts). */
  private readonly own = new Echoes<Doc>();

  /** States this device is about to push: pulled back later, they are its own. */
  sent(states: readonly Doc[]): void {
    for (const state of states) this.own.expect(String(state.id), state);
  }

  /** The server's answer to a push (its state of a document that conflicted or was refused). */
  answer(state: Doc): void {
    this.own.expect(String(state.id), state);
  }

  /** A pulled page: remember the documents the device holds in another state. */
  async pulled(collection: RxCollection, documents: readonly Doc[], checkpoint: Checkpoint | null): Promise<void> {
    if (checkpoint) this.checkpoint = checkpoint;
    if (documents.length === 0) return;
    const held = await collection.storageInstance.findDocumentsById(documents.map((d) => String(d.id)), true);
    const local = new Map(held.map((d: Doc) => [String(d.id), withoutMeta(d)]));
    for (const doc of documents) {
      const id = String(doc.id);
      const mine = local.get(id);
      this.ready.delete(id);
      const echo = this.own.take(id, doc);
      if (mine && !jsonEqual(mine, doc) && !echo) this.docs.set(id, doc);
      else this.docs.delete(id);
    }
  }

  /** A pulled page, with the held documents that are ready to be handed back (not newer ones). */
  withReady(documents: readonly Doc[]): Doc[] {
    if (this.ready.size === 0) return [...documents];
    const inPage = new Set(documents.map((d) => String(d.id)));
    const again = [...this.ready].filter((id) => !inPage.has(id) && this.docs.has(id)).map((id) => this.docs.get(id)!);
    return [...again, ...documents];
  }

  /** A live-stream event: newer states than anything remembered for those documents. */
  streamed(documents: readonly Doc[], checkpoint: Checkpoint | null): void {
    if (checkpoint) this.checkpoint = { ...this.checkpoint, ...checkpoint };
    for (const doc of documents) {
      this.docs.delete(String(doc.id));
      this.ready.delete(String(doc.id));
    }
  }

  /** After a push was answered: what to hand to RxDB again now (and with the next pulled page). */
  answered(): { documents: Doc[]; checkpoint: Checkpoint } | null {
    if (this.docs.size === 0 || !this.checkpoint) return null;
    for (const id of this.docs.keys()) this.ready.add(id);
    return { documents: [...this.docs.values()], checkpoint: this.checkpoint };
  }
}
