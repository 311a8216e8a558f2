import { and, eq } from 'drizzle-orm';
import type { Db } from './db.ts';
import type { PushSubscriptionRow } from './push-store.ts';
import { pushSubscriptions, serverSettings, tokenFamilies } from './tables.ts';

/** PushStore on SQLite, synchronous (the repository makes it async, as with SqliteAuthStore). */
export class SqlitePushStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  setting(key: string, make: () => string, now: string): string {
    this.#db.insert(serverSettings).values({ key, value: make(), createdAt: now }).onConflictDoNothing().run();
    return this.#db.select().from(serverSettings).where(eq(serverSettings.key, key)).get()!.value;
  }

  savePushSubscription(sub: PushSubscriptionRow, now: string): void {
    const { endpoint: _e, ...moved } = sub;
    this.#db.insert(pushSubscriptions).values({ ...sub, createdAt: now, updatedAt: now }).onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { ...moved, updatedAt: now } }).run();
  }

  deletePushSubscription(endpoint: string, userId?: string): number {
    const where = userId === undefined ? eq(pushSubscriptions.endpoint, endpoint) : and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, userId));
    return this.#db.delete(pushSubscriptions).where(where).run().changes;
  }

  pushSubscriptionsOf(userId: string): (PushSubscriptionRow & { live: boolean })[] {
    return this.#db
      .select({ sub: pushSubscriptions, revokedAt: tokenFamilies.revokedAt, family: tokenFamilies.id })
      .from(pushSubscriptions)
      .leftJoin(tokenFamilies, eq(tokenFamilies.id, pushSubscriptions.familyId))
      .where(eq(pushSubscriptions.userId, userId))
      .all()
      .map(({ sub, revokedAt, family }) => ({ endpoint: sub.endpoint, userId: sub.userId, familyId: sub.familyId, p256dh: sub.p256dh, auth: sub.auth, live: family !== null && revokedAt === null }));
  }
}
