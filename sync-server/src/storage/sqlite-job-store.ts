import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from './db.ts';
import type { JobKind, JobRow, PlannedJob } from './job-store.ts';
import { scheduledJobs } from './tables.ts';

/** JobStore on SQLite, synchronous (the repository makes it async, as with SqlitePushStore). */
export class SqliteJobStore {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  jobsOfKind(kind: JobKind): JobRow[] {
    return this.#db.select().from(scheduledJobs).where(eq(scheduledJobs.kind, kind)).all().map(rowOf);
  }

  planJob(job: PlannedJob, replaceKey: string | null): void {
    if (replaceKey === null) {
      this.#db.insert(scheduledJobs).values({ ...job, claimedUntil: 0 }).onConflictDoNothing().run();
      return;
    }
    this.#db
      .update(scheduledJobs)
      .set({ planKey: job.planKey, dueAt: job.dueAt, personId: job.personId, state: job.state })
      .where(and(eq(scheduledJobs.id, job.id), eq(scheduledJobs.planKey, replaceKey)))
      .run();
  }

  deleteJob(id: string): void {
    this.#db.delete(scheduledJobs).where(eq(scheduledJobs.id, id)).run();
  }

  dueJobs(now: number, limit: number): JobRow[] {
    return this.#db
      .select()
      .from(scheduledJobs)
      .where(and(lte(scheduledJobs.dueAt, now), lte(scheduledJobs.claimedUntil, now)))
      .orderBy(asc(scheduledJobs.dueAt))
      .limit(limit)
      .all()
      .map(rowOf);
  }

  claimJob(id: string, token: string, now: number, until: number): boolean {
    return (
      this.#db
        .update(scheduledJobs)
        .set({ claimedUntil: until, claimToken: token })
        .where(and(eq(scheduledJobs.id, id), lte(scheduledJobs.dueAt, now), lte(scheduledJobs.claimedUntil, now)))
        .run().changes === 1
    );
  }

  finishJob(id: string, token: string, planKey: string, next: { dueAt: number; state: Record<string, unknown> | null } | null): void {
    const mine = and(eq(scheduledJobs.id, id), eq(scheduledJobs.claimToken, token));
    const samePlan = and(mine, eq(scheduledJobs.planKey, planKey));
    if (next === null) {
      if (this.#db.delete(scheduledJobs).where(samePlan).run().changes === 1) return;
    } else if (this.#db.update(scheduledJobs).set({ dueAt: next.dueAt, state: next.state, claimedUntil: 0, claimToken: null }).where(samePlan).run().changes === 1) {
      return;
    }
    // Planned again while it ran: the new plan stands; only the claim ends.
    this.#db.update(scheduledJobs).set({ claimedUntil: 0, claimToken: null }).where(mine).run();
  }
}

function rowOf(r: typeof scheduledJobs.$inferSelect): JobRow {
  return { id: r.id, kind: r.kind, refId: r.refId, personId: r.personId, planKey: r.planKey, dueAt: r.dueAt, claimedUntil: r.claimedUntil, state: r.state ?? null };
}
