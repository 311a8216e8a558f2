import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { collectionNames, type CollectionName } from '@spotter/shared';
import * as tables from '@spotter/sync-server/storage/tables.ts';
import { SqliteRepository } from '@spotter/sync-server/storage/sqlite-repository.ts';
import type { Doc } from './server-view.ts';

/**
 * Everything the server holds, read from its SQLite file through the server's own repository
 * on a read-only connection (WAL lets it read while the server writes). The oracle needs this
 * and not the union of the users' pulls: after a reassignment, a former coach's drafts and
 * private notes are visible to nobody, yet they are still on the server and must stay there.
 * Deleted rows are documents with `_deleted: true`, as on the wire.
 */
export type ServerState = Record<CollectionName, Map<string, Doc>>;

export async function readServerState(dbPath: string): Promise<ServerState> {
  const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    const repo = new SqliteRepository(drizzle(sqlite, { schema: tables }), sqlite);
    const out = {} as ServerState;
    for (const name of collectionNames) {
      out[name] = new Map((await repo.find(name, [])).map((r) => [String(r.doc.id), { ...r.doc, _deleted: r.deleted } as Doc]));
    }
    return out;
  } finally {
    sqlite.close();
  }
}
