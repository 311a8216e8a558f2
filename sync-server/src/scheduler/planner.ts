import { ALERT_TIME, LATE_LIMIT_MS, missedSessionDue, nextOccurrence, planFrom, planKeyOf, plusDays, zonedDay, type Reminder, type ReminderRule } from '@spotter/shared';
import type { JobKind, JobRow, PlannedJob } from '../storage/job-store.ts';
import type { Repository } from '../storage/repository.ts';
import { activeAssignments, liveReminders, person, publishedSessions, timeZoneOf } from './facts.ts';

/**
 * The planner (docs/DESIGN.md "The scheduler"): from the documents, which jobs should exist
 * and when each is next due; then makes the table say so. It only ever creates a job, plans
 * it again when what it was computed from changed (its plan key), or deletes it when its
 * reminder, session or client is gone. A job that has run keeps its row (due NEVER when it is
 * over), so planning again never brings back a reminder already delivered. Several instances
 * may plan at once: every write is conditional on what the instance saw.
 */

/** "Not due again": a job that ran for the last time keeps its row (and plan key) with this due time. */
export const NEVER = Number.MAX_SAFE_INTEGER;

/** The rule of the coach's daily alerts: every day at ALERT_TIME. */
export const dailyAlert: ReminderRule = { repeat: 'sessionDay', date: null, weekdays: [], time: ALERT_TIME };

export const reminderJobId = (reminderId: string, clientId: string) => `reminder:${reminderId}:${clientId}`;
export const missedJobId = (sessionId: string) => `missed:${sessionId}`;
export const complianceJobId = (clientId: string) => `compliance:${clientId}`;

/** A plan key's rule part, before the time zone (planKeyOf puts the zone last). */
const rulePart = (key: string) => key.slice(0, key.lastIndexOf(','));

export async function planAll(repo: Repository, now: Date): Promise<void> {
  const assignments = await activeAssignments(repo);
  const zones = new Map<string, string>();
  const zoneOf = async (id: string) => {
    if (!zones.has(id)) zones.set(id, timeZoneOf(await person(repo, id)));
    return zones.get(id)!;
  };
  await planReminders(repo, now, assignments, zoneOf);
  await planMissedSessions(repo, now, [...new Set(assignments.map((a) => a.clientId))], zoneOf);
  await planCompliance(repo, now, assignments, zoneOf);
}

type ZoneOf = (personId: string) => Promise<string>;

async function planReminders(repo: Repository, now: Date, assignments: readonly { coachId: string; clientId: string }[], zoneOf: ZoneOf): Promise<void> {
  const wanted: { job: PlannedJob; reminder: Reminder }[] = [];
  for (const r of await liveReminders(repo)) {
    const clients =
      r.authorRole === 'client'
        ? [r.authorId]
        : assignments.filter((a) => a.coachId === r.authorId && (r.clientId === null || a.clientId === r.clientId)).map((a) => a.clientId);
    for (const clientId of clients) {
      const zone = await zoneOf(clientId);
      wanted.push({ reminder: r, job: { id: reminderJobId(r.id, clientId), kind: 'reminder', refId: r.id, personId: clientId, planKey: planKeyOf(r, zone), dueAt: 0, state: null } });
    }
  }
  await reconcile(repo, 'reminder', wanted, (w, existing) => {
    const zone = JSON.parse(w.job.planKey).at(-1) as string;
    // The rule itself changed (or is new): from when its author wrote it, so an offline edit
    // still comes today. Only the client's zone changed: from now, so nothing comes twice.
    const from = !existing || rulePart(existing.planKey) !== rulePart(w.job.planKey) ? planFrom(w.reminder.updatedAt, now) : now;
    return nextOccurrence(w.reminder, zone, from)?.getTime() ?? NEVER;
  });
}

async function planMissedSessions(repo: Repository, now: Date, clientIds: readonly string[], zoneOf: ZoneOf): Promise<void> {
  // Sessions due around today in any zone (UTC−12 … UTC+14): yesterday's are the ones whose
  // day is ending somewhere; later ones are planned ahead and checked when they come.
  const today = zonedDay(now, 'UTC').day;
  const wanted: { job: PlannedJob; dueAt: number }[] = [];
  // Only clients with a coach now: there is nobody to tell of another's missed session.
  for (const s of await publishedSessions(repo, plusDays(today, -2), plusDays(today, 1), clientIds)) {
    const zone = await zoneOf(s.clientId);
    const dueAt = missedSessionDue(s.dueDate, zone).getTime();
    // A check long overdue (a session published after its day, a first start of this version) is not news.
    if (dueAt < now.getTime() - LATE_LIMIT_MS) continue;
    wanted.push({ dueAt, job: { id: missedJobId(s.id), kind: 'missedSession', refId: s.id, personId: s.clientId, planKey: JSON.stringify([s.dueDate, zone]), dueAt, state: null } });
  }
  // Jobs of sessions outside the window are left to run (the job checks the session then) or,
  // when done, cleared once their day is well past.
  const existing = await repo.jobsOfKind('missedSession');
  for (const job of existing) {
    const [dueDate] = JSON.parse(job.planKey) as [string];
    if (job.dueAt === NEVER && dueDate < plusDays(today, -3)) await repo.deleteJob(job.id);
  }
  await reconcile(repo, 'missedSession', wanted, (w) => w.dueAt, existing, false);
}

async function planCompliance(repo: Repository, now: Date, assignments: readonly { clientId: string }[], zoneOf: ZoneOf): Promise<void> {
  const wanted: { job: PlannedJob }[] = [];
  for (const clientId of new Set(assignments.map((a) => a.clientId))) {
    const zone = await zoneOf(clientId);
    wanted.push({ job: { id: complianceJobId(clientId), kind: 'complianceDrop', refId: clientId, personId: clientId, planKey: planKeyOf(dailyAlert, zone), dueAt: 0, state: null } });
  }
  await reconcile(repo, 'complianceDrop', wanted, (w) => nextOccurrence(dailyAlert, JSON.parse(w.job.planKey).at(-1) as string, now)?.getTime() ?? NEVER);
}

/**
 * Makes the table hold the wanted jobs: new ones created, changed ones planned again (their
 * state kept: a compliance drop already told stays told), and — when `prune` — jobs no longer
 * wanted deleted.
 */
async function reconcile<W extends { job: PlannedJob }>(
  repo: Repository,
  kind: JobKind,
  wanted: readonly W[],
  dueOf: (w: W, existing: JobRow | undefined) => number,
  existingRows?: JobRow[],
  prune = true,
): Promise<void> {
  const existing = new Map((existingRows ?? (await repo.jobsOfKind(kind))).map((j) => [j.id, j]));
  for (const w of wanted) {
    const had = existing.get(w.job.id);
    existing.delete(w.job.id);
    if (had && had.planKey === w.job.planKey) continue;
    await repo.planJob({ ...w.job, dueAt: dueOf(w, had), state: had?.state ?? null }, had ? had.planKey : null);
  }
  if (prune) for (const gone of existing.values()) await repo.deleteJob(gone.id);
}
