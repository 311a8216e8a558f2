import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { collectionNames, type CollectionName } from '@spotter/shared';
import * as tables from '@spotter/sync-server/storage/tables.ts';
import type { Repository } from '@spotter/sync-server/storage/repository.ts';
import { SqliteRepository } from '@spotter/sync-server/storage/sqlite-repository.ts';
import type { Doc } from './server-view.ts';

/**
 * Everything the server holds, read through the server's own repository: from its SQLite file
 * on a read-only connection (WAL lets it read while the server writes), or from its
 * PostgreSQL database (a `postgres://` URL). The oracle needs this and not the union of the
 * users' pulls: after a reassignment, a former coach's drafts and private notes are visible to
 * nobody, yet they are still on the server and must stay there.
 * Deleted rows are documents with `_deleted: true`, as on the wire.
 */
export type ServerState = Record<CollectionName, Map<string, Doc>>;

export async function readServerState(source: string): Promise<ServerState> {
  if (/^postgres(ql)?:\/\//.test(source)) {
    const [{ openPostgres }, { PgRepository }] = await Promise.all([
      import('@spotter/sync-server/storage/pg-db.ts'),
      import('@spotter/sync-server/storage/pg-repository.ts'),
    ]);
    const { db, pool } = await openPostgres(source, { poolMax: 1 });
    const repo = new PgRepository(db, pool);
    try {
      return await readAll(repo);
    } finally {
      await repo.close();
    }
  }
  const sqlite = new Database(source, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    return await readAll(new SqliteRepository(drizzle(sqlite, { schema: tables }), sqlite));
  } finally {
    sqlite.close();
  }
}

async function readAll(repo: Repository): Promise<ServerState> {
  const out = {} as ServerState;
  for (const name of collectionNames) {
    out[name] = new Map((await repo.find(name, [])).map((r) => [String(r.doc.id), { ...r.doc, _deleted: r.deleted } as Doc]));
  }
  return out;
}
