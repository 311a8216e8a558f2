import type { Observable } from 'rxjs';

/**
 * Reactive reads for components (runes). Create them in a component's script (or a feature's
 * `*.svelte.ts` class) and call `destroy()` in onDestroy. They hold plain JSON copies, so a
 * component can never mutate a database document by accident: writes go through `device.put`.
 *
 *   const sessions = new LiveList<TrainingSession>(device.db.sessions.find({ selector: { clientId } }));
 *   onDestroy(() => sessions.destroy());
 *   {#each sessions.items as s (s.id)} … {/each}
 */
export class LiveList<T> {
  items = $state<T[]>([]);
  /** The query has answered once: an empty list before that means "loading", not "none". */
  ready = $state(false);
  #stop: () => void;

  constructor(query: { $: Observable<{ toMutableJSON(): unknown }[]> }) {
    const sub = query.$.subscribe((docs) => {
      this.items = docs.map((d) => d.toMutableJSON() as T);
      this.ready = true;
    });
    this.#stop = () => sub.unsubscribe();
  }

  destroy(): void {
    this.#stop();
  }
}

/** The latest value of any observable, e.g. `new LiveValue(device.syncState$, device.syncState$.value)`. */
export class LiveValue<T> {
  current = $state<T>() as T;
  #stop: () => void;

  constructor(source$: Observable<T>, initial: T) {
    this.current = initial;
    const sub = source$.subscribe((v) => (this.current = v));
    this.#stop = () => sub.unsubscribe();
  }

  destroy(): void {
    this.#stop();
  }
}
