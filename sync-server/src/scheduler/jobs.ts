import {
  afterQuietHours, complianceDrop, complianceDropNotice, isComplete, LATE_LIMIT_MS, missedSessionNotice, nextOccurrence, plusDays, reminderNotice, zonedDay,
  type Notice, type Person, type Reminder, type TrainingSession,
} from '@spotter/shared';
import type { JobRow } from '../storage/job-store.ts';
import type { Repository } from '../storage/repository.ts';
import { activeCoachOf, firstName, logOf, logsOf, person, publishedSessions, timeZoneOf } from './facts.ts';
import { dailyAlert, NEVER } from './planner.ts';

/** What running a job comes to: the notice to send (if any), and when the job is due again. */
export interface Outcome {
  notice: Notice | null;
  next: { dueAt: number; state: Record<string, unknown> | null } | null;
}

const done = (notice: Notice | null = null): Outcome => ({ notice, next: { dueAt: NEVER, state: null } });

/**
 * Runs one claimed job at `now` (docs/DESIGN.md "The scheduler"): reads what it needs, says
 * what to send. A job that comes late (the server was down) sends once, then plans its next
 * time from now, so the occurrences missed meanwhile are not sent one after another; one later
 * than LATE_LIMIT_MS sends nothing.
 */
export async function runJob(repo: Repository, job: JobRow, now: Date): Promise<Outcome> {
  switch (job.kind) {
    case 'reminder':
      return runReminder(repo, job, now);
    case 'missedSession':
      return runMissedSession(repo, job, now);
    case 'complianceDrop':
      return runComplianceCheck(repo, job, now);
    case 'accountDeletion':
      // Run by the scheduler's eraseAccount (accounts/deletion.service.ts), never here: nothing to send.
      return { notice: null, next: null };
  }
}

const tooLate = (job: JobRow, now: Date) => now.getTime() - job.dueAt > LATE_LIMIT_MS;

async function runReminder(repo: Repository, job: JobRow, now: Date): Promise<Outcome> {
  const found = await repo.get('reminders', job.refId);
  if (!found || found.deleted) return { notice: null, next: null };
  const r = found.doc as Reminder;
  const clientId = job.personId;
  const zone = timeZoneOf(await person(repo, clientId));
  const next = { dueAt: nextOccurrence(r, zone, now)?.getTime() ?? NEVER, state: job.state };
  // A coach's reminder reaches only a client who still trains with them.
  if (r.authorRole === 'coach' && (await activeCoachOf(repo, clientId)) !== r.authorId) return { notice: null, next };
  if (tooLate(job, now)) return { notice: null, next };
  const today = zonedDay(now, zone).day;
  let open: TrainingSession[] = [];
  if (r.repeat === 'eveBefore' || r.repeat === 'sessionDay') {
    const sessions = await publishedSessions(repo, today, plusDays(today, 1), clientId);
    const logged = await Promise.all(sessions.map((s) => logOf(repo, s.id)));
    open = sessions.filter((s, i) => !isComplete(s, logged[i]));
  }
  return { notice: reminderNotice(r, clientId, today, open), next };
}

/** Holds a coach's alert until their quiet hours are over (an alert is not about a moment: it waits rather than being dropped). */
async function quietFor(repo: Repository, coachId: string, now: Date): Promise<number | null> {
  const coach = await person(repo, coachId);
  return afterQuietHours((coach as Person | null)?.notifications, now)?.getTime() ?? null;
}

async function runMissedSession(repo: Repository, job: JobRow, now: Date): Promise<Outcome> {
  const found = await repo.get('sessions', job.refId);
  const s = found && !found.deleted ? (found.doc as TrainingSession) : null;
  if (!s || s.status !== 'published') return done();
  const log = await logOf(repo, s.id);
  const logged = !!log && (!!log.completedAt || Object.keys(log.entries).length > 0);
  if (logged || tooLate(job, now)) return done();
  const wait = await quietFor(repo, s.coachId, now);
  if (wait !== null) return { notice: null, next: { dueAt: wait, state: job.state } };
  return done(missedSessionNotice(s, firstName(await person(repo, s.clientId)), logged));
}

/**
 * The daily compliance check of one client: the coach is told when the dashboard's
 * compliance-drop flag (domain/compliance.ts) goes up, once; not again while it stays up.
 */
async function runComplianceCheck(repo: Repository, job: JobRow, now: Date): Promise<Outcome> {
  const clientId = job.refId;
  const client = await person(repo, clientId);
  const coachId = await activeCoachOf(repo, clientId);
  if (!client || !coachId) return { notice: null, next: null };
  const zone = timeZoneOf(client);
  const today = zonedDay(now, zone).day;
  const sessions = (await publishedSessions(repo, plusDays(today, -50), today, clientId)).filter((s) => s.coachId === coachId);
  const drop = complianceDrop(sessions, await logsOf(repo, clientId), today, { timeZone: zone });
  const wasFlagged = job.state?.flagged === true;
  const daily = nextOccurrence(dailyAlert, zone, now)?.getTime() ?? NEVER;
  if (!drop.dropped || wasFlagged) return { notice: null, next: { dueAt: daily, state: { flagged: drop.dropped } } };
  const wait = await quietFor(repo, coachId, now);
  if (wait !== null) return { notice: null, next: { dueAt: wait, state: job.state } };
  return { notice: complianceDropNotice(coachId, clientId, firstName(client), drop), next: { dueAt: daily, state: { flagged: true } } };
}
