import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which transaction the current async call chain runs in. Stores run a transaction's body
 * inside `run`, and every repository call made from that body (awaited, however deep) finds
 * it with `current()`: callers never pass a transaction handle around, so the same code runs
 * inside and outside transactions, on either store.
 */
export class TxContext<H> {
  readonly #als = new AsyncLocalStorage<{ handle: H; open: boolean; depth: number }>();

  /** The open transaction of this call chain, or null (none, or it has already ended). */
  current(): { handle: H; depth: number; next(): number } | null {
    const ctx = this.#als.getStore();
    if (!ctx?.open) return null;
    return { handle: ctx.handle, depth: ctx.depth, next: () => ++ctx.depth };
  }

  /**
   * Runs fn as the body of the transaction `handle`. Closed when fn settles: a callback that
   * fn scheduled and that runs later (a timer, an event) inherits the context but must not
   * use a transaction that has committed.
   */
  async run<T>(handle: H, fn: () => Promise<T>): Promise<T> {
    const ctx = { handle, open: true, depth: 0 };
    try {
      return await this.#als.run(ctx, fn);
    } finally {
      ctx.open = false;
    }
  }
}

/** A FIFO lock: one holder at a time, the others wait in order. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();
  #held = false;

  get held(): boolean {
    return this.#held;
  }

  /** Resolves when nobody holds the lock at the moment it is checked (callers re-check). */
  idle(): Promise<void> {
    return this.#tail;
  }

  async lock<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((r) => (release = r));
    await before;
    this.#held = true;
    try {
      return await fn();
    } finally {
      this.#held = false;
      release();
    }
  }
}
