import { and, eq } from 'drizzle-orm';
import type { PgDb } from './pg-db.ts';
import type { PushStore, PushSubscriptionRow } from './push-store.ts';
import { pushSubscriptions, serverSettings, tokenFamilies } from './pg-tables.ts';

/** PushStore on PostgreSQL: the same statements as sqlite-push-store.ts. */
export class PgPushStore implements PushStore {
  readonly #db: () => PgDb;

  constructor(db: () => PgDb) {
    this.#db = db;
  }

  async setting(key: string, make: () => string, now: string): Promise<string> {
    await this.#db().insert(serverSettings).values({ key, value: make(), createdAt: now }).onConflictDoNothing();
    const [row] = await this.#db().select().from(serverSettings).where(eq(serverSettings.key, key));
    return row!.value as string;
  }

  async savePushSubscription(sub: PushSubscriptionRow, now: string): Promise<void> {
    const { endpoint: _e, ...moved } = sub;
    await this.#db().insert(pushSubscriptions).values({ ...sub, createdAt: now, updatedAt: now }).onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { ...moved, updatedAt: now } });
  }

  async deletePushSubscription(endpoint: string, userId?: string): Promise<number> {
    const where = userId === undefined ? eq(pushSubscriptions.endpoint, endpoint) : and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, userId));
    const gone = await this.#db().delete(pushSubscriptions).where(where).returning({ endpoint: pushSubscriptions.endpoint });
    return gone.length;
  }

  async pushSubscriptionsOf(userId: string): Promise<(PushSubscriptionRow & { live: boolean })[]> {
    const rows = await this.#db()
      .select({ sub: pushSubscriptions, revokedAt: tokenFamilies.revokedAt, family: tokenFamilies.id })
      .from(pushSubscriptions)
      .leftJoin(tokenFamilies, eq(tokenFamilies.id, pushSubscriptions.familyId))
      .where(eq(pushSubscriptions.userId, userId));
    return rows.map(({ sub, revokedAt, family }) => {
      const s = sub as Record<string, string | null>;
      return { endpoint: s.endpoint!, userId: s.userId!, familyId: s.familyId ?? null, p256dh: s.p256dh!, auth: s.auth!, live: family !== null && revokedAt === null };
    });
  }
}
