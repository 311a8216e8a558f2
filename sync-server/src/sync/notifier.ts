import { EventEmitter } from 'node:events';
import type { CollectionName } from '@spotter/shared';

/** "These collections have new seqs." Each stream then pulls what its user may see. */
export interface ChangeEvent {
  collections: CollectionName[];
  /**
   * The clients whose per-client documents (sessions, logs, messages, notes, plans,
   * recommendations) changed. When given, a stream whose user is related to none of them
   * skips those collections without querying: with hundreds of open streams, re-pulling
   * every stream on every push is what saturated the server (bench/README.md). Absent means
   * unknown: every stream re-checks.
   */
  clientIds?: string[];
  /**
   * Token families that just ended (a sign-out, a reused refresh token): their open streams
   * close at once. Streams also re-check their family now and then (sync/stream.ts), for a
   * notice that never arrived.
   */
  endedFamilies?: string[];
}

/**
 * The SSE fan-out. The in-process implementation serves one server; several instances
 * behind a load balancer would implement this over PostgreSQL LISTEN/NOTIFY or Redis.
 * Events carry no documents, only collection names: every instance re-reads from the
 * database, so nothing lives only in one process's memory.
 */
export interface Notifier {
  publish(event: ChangeEvent): void;
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}

export class LocalNotifier implements Notifier {
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  publish(event: ChangeEvent): void {
    this.#emitter.emit('change', event);
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.#emitter.on('change', listener);
    return () => this.#emitter.off('change', listener);
  }
}
