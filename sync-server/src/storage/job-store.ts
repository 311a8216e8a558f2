import type { jobKinds } from './tables.ts';
import { methodsOf } from './delegate.ts';

/**
 * The scheduler's side of the Repository (docs/DESIGN.md "The scheduler"): due jobs, claimed
 * by one instance at a time with a lease. Every claim is one UPDATE whose WHERE requires the
 * lease to have run out, so of two instances (or two processes on one SQLite file) asking at
 * once exactly one gets the row: SQLite runs one writer at a time; PostgreSQL makes the second
 * UPDATE wait for the first's row lock and then re-check its WHERE against the new lease.
 */

export type JobKind = (typeof jobKinds)[number];

export interface JobRow {
  id: string;
  kind: JobKind;
  refId: string;
  personId: string;
  planKey: string;
  /** ms since the epoch. */
  dueAt: number;
  claimedUntil: number;
  state: Record<string, unknown> | null;
}

export type PlannedJob = Omit<JobRow, 'claimedUntil'>;

export interface JobStore {
  /** Every job of a kind (the planner compares them with what should exist). */
  jobsOfKind(kind: JobKind): Promise<JobRow[]>;
  /**
   * Creates the job, or plans it again when its plan key changed (`replaceKey`: the key the
   * caller saw; the row is left alone if another instance changed it meanwhile).
   */
  planJob(job: PlannedJob, replaceKey: string | null): Promise<void>;
  deleteJob(id: string): Promise<void>;
  /** Jobs due at `now` whose lease has run out, earliest first. */
  dueJobs(now: number, limit: number): Promise<JobRow[]>;
  /** Takes the job until `until` if it is still due and free; true for the one caller that got it. */
  claimJob(id: string, token: string, now: number, until: number): Promise<boolean>;
  /**
   * Ends a claim: the job's next due time and state (null: the job is over and deleted). The
   * due time is kept when the job was planned again while claimed (its plan key changed).
   */
  finishJob(id: string, token: string, planKey: string, next: { dueAt: number; state: Record<string, unknown> | null } | null): Promise<void>;
}

/** Every method of JobStore, for the repositories' delegation (delegate.ts). */
export const jobStoreMethods = methodsOf<JobStore>()(['jobsOfKind', 'planJob', 'deleteJob', 'dueJobs', 'claimJob', 'finishJob']);
