import { eq } from 'drizzle-orm';
import type { MediaType } from '@spotter/shared';
import type { MediaRow, MediaStore } from './media-store.ts';
import type { PgDb } from './pg-db.ts';
import { media } from './pg-tables.ts';

/** MediaStore on PostgreSQL: the same statements as sqlite-media-store.ts. */
export class PgMediaStore implements MediaStore {
  readonly #db: () => PgDb;

  constructor(db: () => PgDb) {
    this.#db = db;
  }

  async saveMedia(row: MediaRow): Promise<void> {
    await this.#db().insert(media).values({ key: `${row.ownerId}:${row.id}`, ...row }).onConflictDoNothing();
  }

  async mediaOf(id: string, ownerId: string): Promise<MediaRow | null> {
    const [row] = (await this.#db().select().from(media).where(eq(media.key, `${ownerId}:${id}`))) as Record<string, unknown>[];
    return row ? { id: row.id as string, ownerId: row.ownerId as string, type: row.type as MediaType, size: Number(row.size), createdAt: row.createdAt as string } : null;
  }
}
