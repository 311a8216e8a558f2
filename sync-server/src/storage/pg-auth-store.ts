import { eq, sql } from 'drizzle-orm';
import type { AttemptLimit, AuthStore, NewRefreshToken, RefreshTokenState, Reservation } from './auth-store.ts';
import type { PgDb } from './pg-db.ts';
import { rateCounters, refreshTokens, tokenFamilies } from './pg-tables.ts';

/**
 * AuthStore on PostgreSQL: the same statements as sqlite-auth-store.ts. `db` is the open
 * transaction's connection or the pool; `transaction` is the repository's (it holds the
 * writers' lock, so N parallel guesses from N instances count N).
 */
export class PgAuthStore implements AuthStore {
  readonly #db: () => PgDb;
  readonly #transaction: <T>(fn: () => Promise<T>) => Promise<T>;

  constructor(db: () => PgDb, transaction: <T>(fn: () => Promise<T>) => Promise<T>) {
    this.#db = db;
    this.#transaction = transaction;
  }

  reserveAttempt(limits: readonly AttemptLimit[], nowMs: number): Promise<Reservation> {
    return this.#transaction(async (): Promise<Reservation> => {
      const db = this.#db();
      const open: ({ count: number; windowStartMs: number } | null)[] = [];
      for (const l of limits) {
        const [row] = await db.select().from(rateCounters).where(eq(rateCounters.key, l.key));
        open.push(row && Number(row.windowStartMs) + l.windowMs > nowMs ? { count: Number(row.count), windowStartMs: Number(row.windowStartMs) } : null);
      }
      let waitMs = 0;
      limits.forEach((l, i) => {
        const row = open[i];
        if (row && row.count >= l.max) waitMs = Math.max(waitMs, row.windowStartMs + l.windowMs - nowMs);
      });
      if (waitMs > 0) return { ok: false, retryAfterMs: waitMs };
      for (const [i, l] of limits.entries()) {
        const row = open[i];
        const next = row ? { key: l.key, count: row.count + 1, windowStartMs: row.windowStartMs } : { key: l.key, count: 1, windowStartMs: nowMs };
        await db.insert(rateCounters).values(next).onConflictDoUpdate({ target: rateCounters.key, set: { count: next.count, windowStartMs: next.windowStartMs } });
      }
      return { ok: true };
    });
  }

  releaseAttempt(limits: readonly AttemptLimit[], nowMs: number): Promise<void> {
    return this.#transaction(async () => {
      for (const l of limits) {
        await this.#db()
          .update(rateCounters)
          .set({ count: sql`greatest(${rateCounters.count} - 1, 0)` })
          .where(sql`${rateCounters.key} = ${l.key} and ${rateCounters.windowStartMs} + ${l.windowMs} > ${nowMs}`);
      }
    });
  }

  startTokenFamily(familyId: string, userId: string, first: NewRefreshToken, now: string, label: string | null = null): Promise<void> {
    return this.#transaction(async () => {
      await this.#db().insert(tokenFamilies).values({ id: familyId, userId, currentHash: first.tokenHash, createdAt: now, deviceLabel: label, lastUsedAt: now });
      await this.#db().insert(refreshTokens).values({ ...first, userId, familyId, createdAt: now });
    });
  }

  async findRefreshToken(tokenHash: string): Promise<RefreshTokenState | null> {
    const [row] = await this.#db()
      .select({ token: refreshTokens, familyRevokedAt: tokenFamilies.revokedAt, currentHash: tokenFamilies.currentHash })
      .from(refreshTokens)
      .leftJoin(tokenFamilies, eq(tokenFamilies.id, refreshTokens.familyId))
      .where(eq(refreshTokens.tokenHash, tokenHash));
    if (!row) return null;
    const t = row.token as Record<string, string | null>;
    const family = row.currentHash === null ? null : { revokedAt: row.familyRevokedAt as string | null, currentHash: row.currentHash as string };
    return { tokenHash: t.tokenHash!, userId: t.userId!, familyId: t.familyId ?? null, expiresAt: t.expiresAt!, revokedAt: t.revokedAt ?? null, rotatedAt: t.rotatedAt ?? null, replacedBy: t.replacedBy ?? null, family };
  }

  rotateRefreshToken(spent: RefreshTokenState, next: NewRefreshToken, now: string, supersede: string | null): Promise<void> {
    if (!spent.familyId) throw new Error('a token without a family cannot be rotated');
    const familyId = spent.familyId;
    return this.#transaction(async () => {
      const db = this.#db();
      await db.insert(refreshTokens).values({ ...next, userId: spent.userId, familyId, createdAt: now });
      await db
        .update(refreshTokens)
        .set({ revokedAt: sql`coalesce(${refreshTokens.revokedAt}, ${now})`, rotatedAt: sql`coalesce(${refreshTokens.rotatedAt}, ${now})`, replacedBy: next.tokenHash })
        .where(eq(refreshTokens.tokenHash, spent.tokenHash));
      if (supersede) await db.update(refreshTokens).set({ revokedAt: now, rotatedAt: null }).where(eq(refreshTokens.tokenHash, supersede));
      await db.update(tokenFamilies).set({ currentHash: next.tokenHash, lastUsedAt: now }).where(eq(tokenFamilies.id, familyId));
    });
  }

  async revokeTokenFamily(familyId: string, reason: string, now: string): Promise<void> {
    await this.#db()
      .update(tokenFamilies)
      .set({ revokedAt: sql`coalesce(${tokenFamilies.revokedAt}, ${now})`, revokedReason: sql`coalesce(${tokenFamilies.revokedReason}, ${reason})` })
      .where(eq(tokenFamilies.id, familyId));
  }

  async isTokenFamilyActive(familyId: string): Promise<boolean> {
    const rows = await this.#db().select({ id: tokenFamilies.id }).from(tokenFamilies).where(sql`${tokenFamilies.id} = ${familyId} and ${tokenFamilies.revokedAt} is null`);
    return rows.length === 1;
  }
}
