import { jsonEqual, withoutMeta } from './equal.ts';

/**
 * The one answer to "is this change my own write coming back?". Whoever sends a state out —
 * the draft editor writing the coach's typing, the push handler receiving the server's answer
 * to this device's push — records it under the document's key (`expect`); whoever then sees a
 * state of that document arrive — the editor's live query, the pending count watching RxDB's
 * writes, the conflict handler — asks `take`. A state equal to a recorded one is the echo:
 * it and every state recorded before it are consumed, because once a newer echo is back an
 * older one can only be stale (the echo of an older edit arriving after a newer one must not
 * put the form back to it). Anything else is news from elsewhere: another device, another
 * tab, the server.
 *
 * Equality is by content (JSON, key order and RxDB's bookkeeping fields ignored) of a
 * projection chosen by the user: the draft editor compares the fields its form edits, since
 * the store stamps `updatedAt` itself.
 */
export class Echoes<T = Record<string, unknown>> {
  readonly #waiting = new Map<string, unknown[]>();
  readonly #project: (state: T) => unknown;

  constructor(project: (state: T) => unknown = (state) => withoutMeta(state as Record<string, unknown>)) {
    this.#project = project;
  }

  /**
   * Records a state sent out for `key`. `latest`: only this one can still come back (the
   * server's newest answer replaces its earlier ones).
   */
  expect(key: string, state: T, { latest = false } = {}): void {
    const list = latest ? [] : (this.#waiting.get(key) ?? []);
    list.push(this.#project(state));
    this.#waiting.set(key, list);
  }

  /** A write that failed: its echo will never come. */
  forget(key: string, state: T): void {
    const projected = this.#project(state);
    const list = (this.#waiting.get(key) ?? []).filter((s) => !jsonEqual(s, projected));
    if (list.length) this.#waiting.set(key, list);
    else this.#waiting.delete(key);
  }

  /** Is `state` one recorded for `key`? If so it is consumed, with every older one. */
  take(key: string, state: T): boolean {
    const list = this.#waiting.get(key);
    if (!list) return false;
    const projected = this.#project(state);
    const at = list.findIndex((s) => jsonEqual(s, projected));
    if (at < 0) return false;
    const rest = list.slice(at + 1);
    if (rest.length) this.#waiting.set(key, rest);
    else this.#waiting.delete(key);
    return true;
  }

  /** Something sent out for `key` has not come back yet. */
  waiting(key: string): boolean {
    return this.#waiting.has(key);
  }

  /** Stop waiting for `key` (what came back settles it either way). */
  drop(key: string): void {
    this.#waiting.delete(key);
  }
}
