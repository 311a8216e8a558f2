import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { collectionNames } from '@spotter/shared';
import { CHANGES_CHANNEL as CHANNEL, changePayload } from '../storage/pg-announce.ts';
import { LocalNotifier, type ChangeEvent, type Notifier } from './notifier.ts';

/**
 * The SSE fan-out across instances sharing one PostgreSQL database
 * (docs/DESIGN.md "Growing past one machine"): a change is published to this instance's streams at once and, through
 * NOTIFY, to every other instance, whose LISTEN connection hands it to its own streams. The
 * payload is the small ChangeEvent (collections and client ids, never documents): each
 * stream pulls what its user may see. A wake-up is only a hint: when the listening
 * connection drops, it reconnects and then wakes every stream for every collection, so a
 * change announced while it was away is not missed.
 *
 * Written documents are announced to the other instances by the transaction that wrote them
 * (storage/pg-announce.ts, with this notifier's id), never after it: an instance killed
 * between its commit and a later NOTIFY would leave the others' streams asleep. publish()
 * wakes this instance's streams, and sends to the others only what no transaction carries:
 * token families that ended.
 */
export class PgNotifier implements Notifier {
  readonly #local = new LocalNotifier();
  readonly #id: string;
  readonly #url: string;
  readonly #pool: pg.Pool;
  readonly #log: (line: string) => void;
  #listener: pg.Client | null = null;
  #closed = false;

  /** id: this instance's, as its store signs its announcements (its own come back and are skipped). */
  constructor(url: string, log: (line: string) => void = () => {}, id: string = randomUUID()) {
    this.#id = id;
    this.#url = url;
    this.#log = log;
    // NOTIFY from a connection of its own, so a busy request pool never delays a wake-up.
    this.#pool = new pg.Pool({ connectionString: url, max: 2 });
    this.#pool.on('error', (err) => this.#log(`notifier connection lost: ${err.message}`));
  }

  /** Listens before the server takes requests; resolves once LISTEN is in place. */
  async start(): Promise<void> {
    await this.#listen();
  }

  async #listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url });
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        const { from, ...event } = JSON.parse(n.payload) as ChangeEvent & { from: string };
        if (from !== this.#id) this.#local.publish(event);
      } catch {
        // Not ours: ignored.
      }
    });
    const lost = (why: string) => {
      if (this.#listener !== client || this.#closed) return;
      this.#listener = null;
      this.#log(`notifier: listening connection lost (${why}); reconnecting`);
      void this.#reconnect();
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('ended'));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.#listener = client;
  }

  async #reconnect(): Promise<void> {
    for (let attempt = 1; !this.#closed; attempt++) {
      try {
        await this.#listen();
        // Whatever was announced while nobody listened: every stream re-checks every collection.
        this.#local.publish({ collections: [...collectionNames] });
        return;
      } catch (e) {
        this.#log(`notifier: reconnect attempt ${attempt} failed: ${(e as Error).message}`);
        await sleep(Math.min(5000, 200 * attempt));
      }
    }
  }

  publish(event: ChangeEvent): void {
    this.#local.publish(event);
    if (!event.endedFamilies?.length) return; // writes: announced by their transaction
    const payload = changePayload({ collections: [], endedFamilies: event.endedFamilies }, this.#id);
    this.#pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((err: Error) => this.#log(`notifier: NOTIFY failed: ${err.message}`));
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    return this.#local.subscribe(listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const listener = this.#listener;
    this.#listener = null;
    await listener?.end().catch(() => {});
    await this.#pool.end();
  }
}
