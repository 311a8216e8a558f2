import type Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import type { AttemptLimit, NewRefreshToken, RefreshTokenState, Reservation } from './auth-store.ts';
import type { Db } from './db.ts';
import { rateCounters, refreshTokens, tokenFamilies } from './tables.ts';

/** AuthStore on SQLite, synchronous (the repository makes it async); `transaction` is the repository's (IMMEDIATE: one writer at a time). */
export class SqliteAuthStore {
  readonly #db: Db;
  readonly #transaction: <T>(fn: () => T) => T;
  #familyActive: Database.Statement | undefined;
  readonly #sqlite: Database.Database;

  constructor(db: Db, sqlite: Database.Database, transaction: <T>(fn: () => T) => T) {
    this.#db = db;
    this.#sqlite = sqlite;
    this.#transaction = transaction;
  }

  reserveAttempt(limits: readonly AttemptLimit[], nowMs: number): Reservation {
    // One transaction with the write lock taken up front: no other request (or instance)
    // reads a counter between this read and this write, so N parallel guesses count N.
    return this.#transaction(() => {
      const open = limits.map((l) => {
        const row = this.#db.select().from(rateCounters).where(eq(rateCounters.key, l.key)).get();
        return row && row.windowStartMs + l.windowMs > nowMs ? row : null;
      });
      let waitMs = 0;
      limits.forEach((l, i) => {
        const row = open[i];
        if (row && row.count >= l.max) waitMs = Math.max(waitMs, row.windowStartMs + l.windowMs - nowMs);
      });
      if (waitMs > 0) return { ok: false, retryAfterMs: waitMs };
      limits.forEach((l, i) => {
        const row = open[i];
        const next = row ? { key: l.key, count: row.count + 1, windowStartMs: row.windowStartMs } : { key: l.key, count: 1, windowStartMs: nowMs };
        this.#db.insert(rateCounters).values(next).onConflictDoUpdate({ target: rateCounters.key, set: { count: next.count, windowStartMs: next.windowStartMs } }).run();
      });
      return { ok: true };
    });
  }

  releaseAttempt(limits: readonly AttemptLimit[], nowMs: number): void {
    this.#transaction(() => {
      for (const l of limits) {
        this.#db
          .update(rateCounters)
          .set({ count: sql`max(${rateCounters.count} - 1, 0)` })
          .where(sql`${rateCounters.key} = ${l.key} and ${rateCounters.windowStartMs} + ${l.windowMs} > ${nowMs}`)
          .run();
      }
    });
  }

  startTokenFamily(familyId: string, userId: string, first: NewRefreshToken, now: string, label: string | null = null): void {
    this.#transaction(() => {
      this.#db.insert(tokenFamilies).values({ id: familyId, userId, currentHash: first.tokenHash, createdAt: now, deviceLabel: label, lastUsedAt: now }).run();
      this.#db.insert(refreshTokens).values({ ...first, userId, familyId, createdAt: now }).run();
    });
  }

  findRefreshToken(tokenHash: string): RefreshTokenState | null {
    const row = this.#db
      .select({ token: refreshTokens, familyRevokedAt: tokenFamilies.revokedAt, currentHash: tokenFamilies.currentHash })
      .from(refreshTokens)
      .leftJoin(tokenFamilies, eq(tokenFamilies.id, refreshTokens.familyId))
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .get();
    if (!row) return null;
    const { tokenHash: hash, userId, familyId, expiresAt, revokedAt, rotatedAt, replacedBy } = row.token;
    const family = row.currentHash === null ? null : { revokedAt: row.familyRevokedAt, currentHash: row.currentHash };
    return { tokenHash: hash, userId, familyId, expiresAt, revokedAt, rotatedAt, replacedBy, family };
  }

  rotateRefreshToken(spent: RefreshTokenState, next: NewRefreshToken, now: string, supersede: string | null): void {
    if (!spent.familyId) throw new Error('a token without a family cannot be rotated');
    const familyId = spent.familyId;
    this.#transaction(() => {
      this.#db.insert(refreshTokens).values({ ...next, userId: spent.userId, familyId, createdAt: now }).run();
      this.#db
        .update(refreshTokens)
        .set({ revokedAt: sql`coalesce(${refreshTokens.revokedAt}, ${now})`, rotatedAt: sql`coalesce(${refreshTokens.rotatedAt}, ${now})`, replacedBy: next.tokenHash })
        .where(eq(refreshTokens.tokenHash, spent.tokenHash))
        .run();
      if (supersede) this.#db.update(refreshTokens).set({ revokedAt: now, rotatedAt: null }).where(eq(refreshTokens.tokenHash, supersede)).run();
      this.#db.update(tokenFamilies).set({ currentHash: next.tokenHash, lastUsedAt: now }).where(eq(tokenFamilies.id, familyId)).run();
    });
  }

  revokeTokenFamily(familyId: string, reason: string, now: string): void {
    this.#db
      .update(tokenFamilies)
      .set({ revokedAt: sql`coalesce(${tokenFamilies.revokedAt}, ${now})`, revokedReason: sql`coalesce(${tokenFamilies.revokedReason}, ${reason})` })
      .where(eq(tokenFamilies.id, familyId))
      .run();
  }

  isTokenFamilyActive(familyId: string): boolean {
    // On every authenticated request: prepared once, a primary-key lookup.
    this.#familyActive ??= this.#sqlite.prepare(`select 1 from "token_families" where "id" = ? and "revoked_at" is null`).pluck();
    return this.#familyActive.get(familyId) === 1;
  }
}
