import { and, asc, eq, lte } from 'drizzle-orm';
import type { JobKind, JobRow, JobStore, PlannedJob } from './job-store.ts';
import type { PgDb } from './pg-db.ts';
import { scheduledJobs } from './pg-tables.ts';

/** JobStore on PostgreSQL: the same statements as sqlite-job-store.ts. */
export class PgJobStore implements JobStore {
  readonly #db: () => PgDb;

  constructor(db: () => PgDb) {
    this.#db = db;
  }

  async jobsOfKind(kind: JobKind): Promise<JobRow[]> {
    return (await this.#db().select().from(scheduledJobs).where(eq(scheduledJobs.kind, kind))).map(rowOf);
  }

  async planJob(job: PlannedJob, replaceKey: string | null): Promise<void> {
    if (replaceKey === null) {
      await this.#db().insert(scheduledJobs).values({ ...job, claimedUntil: 0 }).onConflictDoNothing();
      return;
    }
    await this.#db()
      .update(scheduledJobs)
      .set({ planKey: job.planKey, dueAt: job.dueAt, personId: job.personId, state: job.state })
      .where(and(eq(scheduledJobs.id, job.id), eq(scheduledJobs.planKey, replaceKey)));
  }

  async deleteJob(id: string): Promise<void> {
    await this.#db().delete(scheduledJobs).where(eq(scheduledJobs.id, id));
  }

  async dueJobs(now: number, limit: number): Promise<JobRow[]> {
    const rows = await this.#db()
      .select()
      .from(scheduledJobs)
      .where(and(lte(scheduledJobs.dueAt, now), lte(scheduledJobs.claimedUntil, now)))
      .orderBy(asc(scheduledJobs.dueAt))
      .limit(limit);
    return rows.map(rowOf);
  }

  async claimJob(id: string, token: string, now: number, until: number): Promise<boolean> {
    const got = await this.#db()
      .update(scheduledJobs)
      .set({ claimedUntil: until, claimToken: token })
      .where(and(eq(scheduledJobs.id, id), lte(scheduledJobs.dueAt, now), lte(scheduledJobs.claimedUntil, now)))
      .returning({ id: scheduledJobs.id });
    return got.length === 1;
  }

  async finishJob(id: string, token: string, planKey: string, next: { dueAt: number; state: Record<string, unknown> | null } | null): Promise<void> {
    const mine = and(eq(scheduledJobs.id, id), eq(scheduledJobs.claimToken, token));
    const samePlan = and(mine, eq(scheduledJobs.planKey, planKey));
    const done =
      next === null
        ? await this.#db().delete(scheduledJobs).where(samePlan).returning({ id: scheduledJobs.id })
        : await this.#db().update(scheduledJobs).set({ dueAt: next.dueAt, state: next.state, claimedUntil: 0, claimToken: null }).where(samePlan).returning({ id: scheduledJobs.id });
    // Planned again while it ran: the new plan stands; only the claim ends.
    if (done.length === 0) await this.#db().update(scheduledJobs).set({ claimedUntil: 0, claimToken: null }).where(mine);
  }
}

function rowOf(r: Record<string, unknown>): JobRow {
  return {
    id: r.id as string,
    kind: r.kind as JobKind,
    refId: r.refId as string,
    personId: r.personId as string,
    planKey: r.planKey as string,
    dueAt: Number(r.dueAt),
    claimedUntil: Number(r.claimedUntil),
    state: (r.state as Record<string, unknown> | null) ?? null,
  };
}
