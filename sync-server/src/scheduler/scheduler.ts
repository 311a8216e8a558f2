import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { CollectionName, Person } from '@spotter/shared';
import type { PushService, Written } from '../push/notifications.service.ts';
import type { Repository } from '../storage/repository.ts';
import { runJob } from './jobs.ts';
import { planAll } from './planner.ts';

export interface SchedulerOptions {
  /** The clock (tests pass a controlled one; nothing here reads Date.now itself). */
  now?: () => Date;
  /** How long a claimed job is this instance's alone; default one minute. */
  leaseMs?: number;
  /** Due jobs run per tick; default 100. */
  batch?: number;
  log: FastifyBaseLogger;
  /** Carries out a due account deletion (accounts/deletion.service.ts): the job of kind `accountDeletion`. */
  eraseAccount?: (userId: string) => Promise<void>;
}

/**
 * The scheduler (docs/DESIGN.md "The scheduler"): jobs live in the database (scheduled_jobs),
 * so they survive restarts and every instance sees them; an instance runs a due job only after
 * claiming it (a lease, storage/job-store.ts), so each is delivered once however many instances
 * tick. A tick claims, runs, then moves the job to its next time. An instance that dies
 * between claiming and finishing leaves the job to another once the lease runs out: a notice
 * may then come twice, never not at all — the one window where "once" gives way.
 */
export class Scheduler {
  readonly #repo: Repository;
  readonly #pushes: PushService;
  readonly #opts: SchedulerOptions;
  readonly #inFlight = new Set<Promise<unknown>>();
  #timers: NodeJS.Timeout[] = [];
  readonly #wakes = new Set<NodeJS.Timeout>();
  #planAgain = false;
  #planning: Promise<void> | null = null;

  constructor(repo: Repository, pushes: PushService, opts: SchedulerOptions) {
    this.#repo = repo;
    this.#pushes = pushes;
    this.#opts = opts;
  }

  #now(): Date {
    return this.#opts.now?.() ?? new Date();
  }

  /** Ticks every `tickMs` and plans every `planMs` (both unref'd: they never keep the process alive). */
  start(tickMs: number, planMs = 10 * 60_000): void {
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const t = setInterval(() => this.#track(fn()), ms);
      t.unref();
      this.#timers.push(t);
    };
    this.#track(this.plan().then(() => this.tick()));
    every(tickMs, () => this.tick());
    every(planMs, () => this.plan());
  }

  stop(): void {
    for (const t of this.#timers) clearInterval(t);
    for (const t of this.#wakes) clearTimeout(t);
    this.#timers = [];
    this.#wakes.clear();
  }

  /**
   * Ticks once at `at` (ms since the epoch) as well, when the timers run: a job planned for a
   * precise moment (an account deletion's end of the undo window) then runs on time on this
   * instance instead of up to a tick later. The database job stays the truth: after a restart
   * the regular ticks find it.
   */
  wakeAt(at: number): void {
    if (!this.#timers.length) return;
    const t = setTimeout(() => {
      this.#wakes.delete(t);
      this.#track(this.tick());
    }, Math.max(0, at - this.#now().getTime()));
    t.unref();
    this.#wakes.add(t);
  }

  /** Makes the jobs table match the documents (planner.ts). Calls made while one runs are folded into one more run. */
  async plan(): Promise<void> {
    if (this.#planning) {
      this.#planAgain = true;
      return this.#planning;
    }
    this.#planning = (async () => {
      do {
        this.#planAgain = false;
        await planAll(this.#repo, this.#now());
      } while (this.#planAgain);
    })().finally(() => (this.#planning = null));
    return this.#planning;
  }

  /** Runs every job due now that this instance can claim; answers how many it ran. */
  async tick(): Promise<number> {
    const now = this.#now();
    const at = now.getTime();
    let ran = 0;
    for (const job of await this.#repo.dueJobs(at, this.#opts.batch ?? 100)) {
      const token = randomUUID();
      if (!(await this.#repo.claimJob(job.id, token, at, at + (this.#opts.leaseMs ?? 60_000)))) continue;
      try {
        if (job.kind === 'accountDeletion') {
          // The erasure removes the job with the account's other rows, in its own transaction.
          await this.#opts.eraseAccount?.(job.refId);
          ran += 1;
          continue;
        }
        const outcome = await runJob(this.#repo, job, now);
        if (outcome.notice) await this.#pushes.notify(outcome.notice, now);
        await this.#repo.finishJob(job.id, token, job.planKey, outcome.next);
        ran += 1;
      } catch (e) {
        // Left claimed: another try once the lease runs out.
        this.#opts.log.error({ err: e, job: job.id }, 'scheduler: a job failed');
      }
    }
    return ran;
  }

  /**
   * After synced writes committed: plans again (in the background) when one changed what should
   * be scheduled — a reminder, an assignment, a person's time zone. Not on every person write:
   * opening a conversation writes the person's read markers, and that plans nothing.
   */
  afterWrites(collection: CollectionName, written: readonly Written[]): void {
    if (written.some((w) => changesPlan(collection, w))) this.replan();
  }

  /** Plans again in the background (a REST write of assignments: a client added, clients moved). */
  replan(): void {
    this.#track(this.plan());
  }

  /** Resolves once the planning and ticks started so far are over (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#inFlight.size) await Promise.allSettled([...this.#inFlight]);
  }

  #track(p: Promise<unknown>): void {
    const tracked = p.catch((e: unknown) => this.#opts.log.error({ err: e }, 'scheduler: failed')).finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }
}

const zoneOf = (doc: unknown) => (doc as Person | undefined)?.notifications?.timeZone;

function changesPlan(collection: CollectionName, w: Written): boolean {
  if (collection === 'reminders' || collection === 'assignments') return true;
  return collection === 'people' && zoneOf(w.before?.doc) !== zoneOf(w.doc);
}
