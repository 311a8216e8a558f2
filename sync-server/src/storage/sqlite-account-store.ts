import { and, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { counterKeysOf, type AccountTokenPurpose, type AccountTokenRow, type DeviceRow, type InviteOwner, type InviteRow } from './account-store.ts';
import type { Db } from './db.ts';
import { accountTokens, invites, media, pushSubscriptions, rateCounters, scheduledJobs, tokenFamilies, users } from './tables.ts';

const open = and(isNull(invites.acceptedAt), isNull(invites.cancelledAt));

/** AccountStore on SQLite, synchronous (the repository makes it async, as with SqliteAuthStore). */
export class SqliteAccountStore {
  readonly #db: Db;
  readonly #transaction: <T>(fn: () => T) => T;

  constructor(db: Db, transaction: <T>(fn: () => T) => T) {
    this.#db = db;
    this.#transaction = transaction;
  }

  insertInvite(row: InviteRow): void {
    this.#db.insert(invites).values(row).run();
  }

  findInvite(id: string): InviteRow | null {
    return (this.#db.select().from(invites).where(eq(invites.id, id)).get() as InviteRow | undefined) ?? null;
  }

  openInvites(owner: InviteOwner): InviteRow[] {
    const whose = 'invitedBy' in owner ? eq(invites.invitedBy, owner.invitedBy) : eq(invites.role, owner.role);
    return this.#db.select().from(invites).where(and(open, whose)).orderBy(invites.createdAt).all() as InviteRow[];
  }

  openInvitesFor(email: string): InviteRow[] {
    return this.#db.select().from(invites).where(and(open, eq(invites.email, email))).all() as InviteRow[];
  }

  renewInvite(id: string, tokenHash: string, sentAt: string, expiresAt: string): boolean {
    return this.#db.update(invites).set({ tokenHash, sentAt, expiresAt }).where(and(eq(invites.id, id), open)).run().changes === 1;
  }

  cancelInvite(id: string, now: string): boolean {
    return this.#db.update(invites).set({ cancelledAt: now }).where(and(eq(invites.id, id), open)).run().changes === 1;
  }

  claimInvite(id: string, tokenHash: string, userId: string, now: string): boolean {
    // The hash is matched again here: a resend between the caller's check and this claim
    // replaced it, and the old link must not win.
    const where = and(eq(invites.id, id), eq(invites.tokenHash, tokenHash), open, gt(invites.expiresAt, now));
    return this.#db.update(invites).set({ acceptedAt: now, userId }).where(where).run().changes === 1;
  }

  insertAccountToken(row: AccountTokenRow): void {
    this.#db.insert(accountTokens).values(row).run();
  }

  findAccountToken(id: string): AccountTokenRow | null {
    return (this.#db.select().from(accountTokens).where(eq(accountTokens.id, id)).get() as AccountTokenRow | undefined) ?? null;
  }

  claimAccountToken(id: string, tokenHash: string, now: string): boolean {
    const where = and(eq(accountTokens.id, id), eq(accountTokens.tokenHash, tokenHash), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now));
    return this.#db.update(accountTokens).set({ usedAt: now }).where(where).run().changes === 1;
  }

  spendAccountTokens(userId: string, purpose: AccountTokenPurpose, now: string): void {
    this.#db.update(accountTokens).set({ usedAt: now })
      .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt))).run();
  }

  passwordHashOf(userId: string): string | null {
    return this.#db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).get()?.h ?? null;
  }

  setPasswordHash(userId: string, passwordHash: string): void {
    this.#db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
  }

  liveTokenFamilies(userId: string): DeviceRow[] {
    return this.#db
      .select({ id: tokenFamilies.id, label: tokenFamilies.deviceLabel, createdAt: tokenFamilies.createdAt, lastUsedAt: tokenFamilies.lastUsedAt })
      .from(tokenFamilies)
      .where(and(eq(tokenFamilies.userId, userId), isNull(tokenFamilies.revokedAt)))
      .orderBy(desc(tokenFamilies.createdAt))
      .all();
  }

  revokeUserFamilies(userId: string, reason: string, now: string, keep?: string): string[] {
    return this.#transaction(() => {
      const where = and(eq(tokenFamilies.userId, userId), isNull(tokenFamilies.revokedAt), keep === undefined ? undefined : ne(tokenFamilies.id, keep));
      const ended = this.#db.select({ id: tokenFamilies.id }).from(tokenFamilies).where(where).all().map((r) => r.id);
      if (ended.length) this.#db.update(tokenFamilies).set({ revokedAt: now, revokedReason: reason }).where(where).run();
      return ended;
    });
  }

  eraseAccountRows(userId: string, email: string, now: string): { endedFamilies: string[]; mediaIds: string[] } {
    return this.#transaction(() => {
      const db = this.#db;
      const endedFamilies = db.select({ id: tokenFamilies.id }).from(tokenFamilies)
        .where(and(eq(tokenFamilies.userId, userId), isNull(tokenFamilies.revokedAt))).all().map((r) => r.id);
      db.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).run();
      // Sign-ins stay as ended rows without their device names (hashes and times only), so a
      // device presenting one of their refresh tokens is told the account is gone and empties itself.
      db.update(tokenFamilies).set({ revokedAt: sql`coalesce(${tokenFamilies.revokedAt}, ${now})`, revokedReason: 'account_deleted', deviceLabel: null }).where(eq(tokenFamilies.userId, userId)).run();
      db.delete(accountTokens).where(eq(accountTokens.userId, userId)).run();
      db.delete(invites).where(or(eq(invites.invitedBy, userId), eq(invites.userId, userId))).run();
      const uploaded = db.delete(media).where(eq(media.ownerId, userId)).returning({ id: media.id }).all().map((r) => r.id);
      const shared = new Set(uploaded.length ? db.select({ id: media.id }).from(media).where(inArray(media.id, uploaded)).all().map((r) => r.id) : []);
      const mediaIds = uploaded.filter((id) => !shared.has(id));
      db.delete(scheduledJobs).where(or(eq(scheduledJobs.personId, userId), eq(scheduledJobs.refId, userId))).run();
      db.delete(rateCounters).where(counterKeysOf(rateCounters.key, userId, email)).run();
      return { endedFamilies, mediaIds };
    });
  }
}
