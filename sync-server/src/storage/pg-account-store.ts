import { and, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { counterKeysOf, type AccountStore, type AccountTokenPurpose, type AccountTokenRow, type DeviceRow, type InviteOwner, type InviteRow } from './account-store.ts';
import type { PgDb } from './pg-db.ts';
import { accountTokens, invites, media, pushSubscriptions, rateCounters, scheduledJobs, tokenFamilies, users } from './pg-tables.ts';

const open = () => and(isNull(invites.acceptedAt), isNull(invites.cancelledAt));

/** AccountStore on PostgreSQL: the same statements as sqlite-account-store.ts. */
export class PgAccountStore implements AccountStore {
  readonly #db: () => PgDb;
  readonly #transaction: <T>(fn: () => Promise<T>) => Promise<T>;

  constructor(db: () => PgDb, transaction: <T>(fn: () => Promise<T>) => Promise<T>) {
    this.#db = db;
    this.#transaction = transaction;
  }

  async insertInvite(row: InviteRow): Promise<void> {
    await this.#db().insert(invites).values(row);
  }

  async findInvite(id: string): Promise<InviteRow | null> {
    const [row] = await this.#db().select().from(invites).where(eq(invites.id, id));
    return (row as InviteRow | undefined) ?? null;
  }

  async openInvites(owner: InviteOwner): Promise<InviteRow[]> {
    const whose = 'invitedBy' in owner ? eq(invites.invitedBy, owner.invitedBy) : eq(invites.role, owner.role);
    return (await this.#db().select().from(invites).where(and(open(), whose)).orderBy(invites.createdAt)) as InviteRow[];
  }

  async openInvitesFor(email: string): Promise<InviteRow[]> {
    return (await this.#db().select().from(invites).where(and(open(), eq(invites.email, email)))) as InviteRow[];
  }

  async renewInvite(id: string, tokenHash: string, sentAt: string, expiresAt: string): Promise<boolean> {
    const done = await this.#db().update(invites).set({ tokenHash, sentAt, expiresAt }).where(and(eq(invites.id, id), open())).returning({ id: invites.id });
    return done.length === 1;
  }

  async cancelInvite(id: string, now: string): Promise<boolean> {
    const done = await this.#db().update(invites).set({ cancelledAt: now }).where(and(eq(invites.id, id), open())).returning({ id: invites.id });
    return done.length === 1;
  }

  async claimInvite(id: string, tokenHash: string, userId: string, now: string): Promise<boolean> {
    const where = and(eq(invites.id, id), eq(invites.tokenHash, tokenHash), open(), gt(invites.expiresAt, now));
    const done = await this.#db().update(invites).set({ acceptedAt: now, userId }).where(where).returning({ id: invites.id });
    return done.length === 1;
  }

  async insertAccountToken(row: AccountTokenRow): Promise<void> {
    await this.#db().insert(accountTokens).values(row);
  }

  async findAccountToken(id: string): Promise<AccountTokenRow | null> {
    const [row] = await this.#db().select().from(accountTokens).where(eq(accountTokens.id, id));
    return (row as AccountTokenRow | undefined) ?? null;
  }

  async claimAccountToken(id: string, tokenHash: string, now: string): Promise<boolean> {
    const where = and(eq(accountTokens.id, id), eq(accountTokens.tokenHash, tokenHash), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now));
    const done = await this.#db().update(accountTokens).set({ usedAt: now }).where(where).returning({ id: accountTokens.id });
    return done.length === 1;
  }

  async spendAccountTokens(userId: string, purpose: AccountTokenPurpose, now: string): Promise<void> {
    await this.#db().update(accountTokens).set({ usedAt: now })
      .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  }

  async passwordHashOf(userId: string): Promise<string | null> {
    const [row] = await this.#db().select({ h: users.passwordHash }).from(users).where(eq(users.id, userId));
    return (row?.h as string | undefined) ?? null;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.#db().update(users).set({ passwordHash }).where(eq(users.id, userId));
  }

  async liveTokenFamilies(userId: string): Promise<DeviceRow[]> {
    const rows = await this.#db()
      .select({ id: tokenFamilies.id, label: tokenFamilies.deviceLabel, createdAt: tokenFamilies.createdAt, lastUsedAt: tokenFamilies.lastUsedAt })
      .from(tokenFamilies)
      .where(and(eq(tokenFamilies.userId, userId), isNull(tokenFamilies.revokedAt)))
      .orderBy(desc(tokenFamilies.createdAt));
    return rows as DeviceRow[];
  }

  revokeUserFamilies(userId: string, reason: string, now: string, keep?: string): Promise<string[]> {
    return this.#transaction(async () => {
      const where = and(eq(tokenFamilies.userId, userId), isNull(tokenFamilies.revokedAt), keep === undefined ? undefined : ne(tokenFamilies.id, keep));
      const ended = await this.#db().update(tokenFamilies).set({ revokedAt: now, revokedReason: reason }).where(where).returning({ id: tokenFamilies.id });
      return ended.map((r) => r.id as string);
    });
  }

  eraseAccountRows(userId: string, email: string, now: string): Promise<{ endedFamilies: string[]; mediaIds: string[] }> {
    return this.#transaction(async () => {
      const db = this.#db();
      const live = await db.select({ id: tokenFamilies.id }).from(tokenFamilies).where(and(eq(tokenFamilies.userId, userId), isNull(tokenFamilies.revokedAt)));
      await db.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
      // Sign-ins stay as ended rows without their device names (hashes and times only), so a
      // device presenting one of their refresh tokens is told the account is gone and empties itself.
      await db.update(tokenFamilies).set({ revokedAt: sql`coalesce(${tokenFamilies.revokedAt}, ${now})`, revokedReason: 'account_deleted', deviceLabel: null }).where(eq(tokenFamilies.userId, userId));
      await db.delete(accountTokens).where(eq(accountTokens.userId, userId));
      await db.delete(invites).where(or(eq(invites.invitedBy, userId), eq(invites.userId, userId)));
      const uploaded = (await db.delete(media).where(eq(media.ownerId, userId)).returning({ id: media.id })).map((r) => r.id as string);
      const shared = new Set(uploaded.length ? (await db.select({ id: media.id }).from(media).where(inArray(media.id, uploaded))).map((r) => r.id as string) : []);
      await db.delete(scheduledJobs).where(or(eq(scheduledJobs.personId, userId), eq(scheduledJobs.refId, userId)));
      await db.delete(rateCounters).where(counterKeysOf(rateCounters.key, userId, email));
      return { endedFamilies: live.map((r) => r.id as string), mediaIds: uploaded.filter((id) => !shared.has(id)) };
    });
  }
}
