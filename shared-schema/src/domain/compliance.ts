import type { SessionLog } from '../docs/logs.ts';
import type { TrainingSession } from '../docs/sessions.ts';
import { addDaysTo, calendarDateOf } from './dates.ts';
import { isComplete, isLate, logsBySession, upcomingSessions, type Logs } from './sessions.ts';

/**
 * The coach dashboard's columns (docs/DESIGN.md "Coach dashboard": compliance, last workout,
 * next session). `today` is the client's calendar day.
 */

export const COMPLIANCE_WINDOW_DAYS = 30;
/** `complianceDrop` compares with compliance this many days ago. */
export const COMPLIANCE_DROP_DAYS = 14;
/**
 * The dashboard's late count looks back this many days (docs/DESIGN.md "Coach dashboard"): "3 late in the
 * last 30 days". A session missed months ago is history the coach has seen and cannot change;
 * counting every late session ever also made the dashboard read a client's whole history at
 * every open (bench/README.md, cold start). The session lists still call every missed session
 * late (`isLate`); only the dashboard's count is windowed.
 */
export const LATE_WINDOW_DAYS = 30;

export interface Compliance {
  /** Published sessions counted as due in the window. */
  due: number;
  /** Of those, completed on or before their due day. */
  onTime: number;
  /** Whole percent, or null when nothing was due (no data is not 0%). */
  percent: number | null;
}

export interface ComplianceOptions {
  /** The client's IANA time zone, to tell which day a completion instant fell on (default: the device's). */
  timeZone?: string;
  /** Window length in days (default 30). */
  days?: number;
}

// On time means the client's calendar day of completedAt is not after the due date: a due date
// is a day, so finishing at 23:30 on that day counts, and finishing early always counts.
export const completedOnTime = (session: Pick<TrainingSession, 'id' | 'dueDate'>, log: SessionLog | null | undefined, timeZone?: string): boolean =>
  isComplete(session, log) && calendarDateOf(log!.completedAt!, timeZone) <= session.dueDate;

/**
 * Compliance over the last `days` days: sessions completed on time / published sessions due
 * in [today - days, today - 1], plus today's if already completed. Today's open session is
 * left out because the day is not over; it would otherwise read as a miss every morning.
 * Drafts were never given to the client and never count.
 */
export function compliance(sessions: readonly TrainingSession[], logs: Logs, today: string, opts: ComplianceOptions = {}): Compliance {
  const from = addDaysTo(today, -(opts.days ?? COMPLIANCE_WINDOW_DAYS));
  const byId = logsBySession(logs);
  let due = 0;
  let onTime = 0;
  for (const s of sessions) {
    if (s.status !== 'published' || s.dueDate < from || s.dueDate > today) continue;
    const log = byId.get(s.id);
    if (s.dueDate === today && !isComplete(s, log)) continue;
    due += 1;
    if (completedOnTime(s, log, opts.timeZone)) onTime += 1;
  }
  return { due, onTime, percent: due === 0 ? null : Math.round((onTime / due) * 100) };
}

/**
 * Compliance now and 14 days ago, and whether it fell by `threshold` points or more
 * ("dropped by 20% over 14 days"). The earlier value is what the dashboard would have shown
 * then: completions after that day cannot make an earlier session on time, so nothing leaks
 * back from the future. Unknown on either side never flags.
 */
export function complianceDrop(
  sessions: readonly TrainingSession[],
  logs: Logs,
  today: string,
  opts: ComplianceOptions & { overDays?: number; threshold?: number } = {},
): { before: number | null; now: number | null; dropped: boolean } {
  const now = compliance(sessions, logs, today, opts).percent;
  const before = compliance(sessions, logs, addDaysTo(today, -(opts.overDays ?? COMPLIANCE_DROP_DAYS)), opts).percent;
  const dropped = now !== null && before !== null && before - now >= (opts.threshold ?? 20);
  return { before, now, dropped };
}

/**
 * The dashboard's late count: published sessions due in the last `days` days (today - days ..
 * yesterday) that are not complete (`isLate`). See LATE_WINDOW_DAYS for why it is windowed.
 */
export function recentLateCount(sessions: readonly TrainingSession[], logs: Logs, today: string, days = LATE_WINDOW_DAYS): number {
  const from = addDaysTo(today, -days);
  const byId = logsBySession(logs);
  return sessions.filter((s) => s.dueDate >= from && isLate(s, byId.get(s.id), today)).length;
}

/**
 * When the client last trained: the latest completion or logged entry, whichever is later,
 * because a client who logged half a session yesterday did train yesterday. Null if never.
 */
export function lastWorkout(logs: Logs): string | null {
  let latest: string | null = null;
  for (const log of logsBySession(logs).values()) {
    for (const at of [log.completedAt, ...Object.values(log.entries).map((e) => e.loggedAt)]) {
      if (at && (latest === null || at > latest)) latest = at;
    }
  }
  return latest;
}

/**
 * The client's next session: the first published, open session due today or later, in the
 * Upcoming tab's order. Late sessions are not "next": they belong to Previous.
 */
export function nextSession(sessions: readonly TrainingSession[], logs: Logs, today: string): TrainingSession | null {
  return upcomingSessions(sessions, logs, today).find((s) => s.status === 'published') ?? null;
}
