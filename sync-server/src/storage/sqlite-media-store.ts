import { eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import type { MediaRow } from './media-store.ts';
import { media } from './tables.ts';

/** MediaStore on SQLite, synchronous (the repository makes it async, as with SqlitePushStore). */
export class SqliteMediaStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  saveMedia(row: MediaRow): void {
    this.#db.insert(media).values({ key: `${row.ownerId}:${row.id}`, ...row }).onConflictDoNothing().run();
  }

  mediaOf(id: string, ownerId: string): MediaRow | null {
    const row = this.#db.select().from(media).where(eq(media.key, `${ownerId}:${id}`)).get();
    return row ? { id: row.id, ownerId: row.ownerId, type: row.type, size: row.size, createdAt: row.createdAt } : null;
  }
}
