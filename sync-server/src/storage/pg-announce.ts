import type pg from 'pg';
import type { WrittenChange } from './tx-changes.ts';

/** The LISTEN/NOTIFY channel of the cross-instance fan-out (sync/pg-notifier.ts). */
export const CHANGES_CHANNEL = 'spotter_changes';
// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more.
const MAX_PAYLOAD = 7900;

/** The payload of a change announcement: the event and the instance that sent it. */
export function changePayload(change: WrittenChange & { endedFamilies?: string[] }, from: string): string {
  const payload = JSON.stringify({ ...change, from });
  // Too many client ids for one notification: send none (every stream then re-checks).
  return Buffer.byteLength(payload) <= MAX_PAYLOAD ? payload : JSON.stringify({ collections: change.collections, from });
}

/**
 * Announces a transaction's writes on its own connection, before its COMMIT: PostgreSQL holds
 * the notification until the commit and drops it with a rollback, so every committed write is
 * announced, even by an instance killed the moment after (storage/tx-changes.ts).
 */
export function announceInTransaction(from: string) {
  return async (client: pg.PoolClient, change: WrittenChange): Promise<void> => {
    await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, changePayload(change, from)]);
  };
}
