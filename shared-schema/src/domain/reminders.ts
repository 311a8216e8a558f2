import type { Reminder } from '../docs/reminders.ts';
import { refusal, type Refusal } from '../refusals.ts';
import { inQuietHours, type Notice } from './notifications.ts';
import type { NotificationPrefs } from '../docs/people.ts';
import { isoWeekday, plusDays, zonedDay, zonedInstant } from './zoned-time.ts';

/**
 * Reminders and the coach's alerts (docs/DESIGN.md "Reminders", "The scheduler"): when each
 * comes next, and what it says. Pure: the server's scheduler passes the clock, the person's
 * time zone and the documents it loaded.
 */

export type ReminderRule = Pick<Reminder, 'repeat' | 'date' | 'weekdays' | 'time'>;

/** A notice due this long ago or more is not sent: a reminder is about a time, and that time is over. */
export const LATE_LIMIT_MS = 12 * 3600_000;

/** The days a rule may fire on. `eveBefore` and `sessionDay` fire daily: whether a session is due is asked when the day comes. */
function firesOn(rule: ReminderRule, day: string): boolean {
  switch (rule.repeat) {
    case 'once':
      return day === rule.date;
    case 'weekly':
      return rule.weekdays.includes(isoWeekday(day));
    case 'eveBefore':
    case 'sessionDay':
      return true;
  }
}

/**
 * The first instant strictly after `after` at which the rule fires, on the clock of
 * `timeZone`; null when it never fires again (a one-off that has passed, a week without days).
 * Looking at the day before `after`'s too: west of UTC a late time can still be ahead.
 */
export function nextOccurrence(rule: ReminderRule, timeZone: string, after: Date): Date | null {
  if (rule.repeat === 'once') {
    if (!rule.date) return null;
    const at = zonedInstant(rule.date, rule.time, timeZone);
    return at > after ? at : null;
  }
  const { day: today } = zonedDay(after, timeZone);
  for (let i = -1; i <= 8; i++) {
    const day = plusDays(today, i);
    if (!firesOn(rule, day)) continue;
    const at = zonedInstant(day, rule.time, timeZone);
    if (at > after) return at;
  }
  return null;
}

/**
 * Where a newly written (or edited) reminder starts from: the moment its author wrote it, so a
 * reminder typed offline at 18:00 for 19:00 and synced at 19:30 still comes (late, once) — but
 * never before `now` minus LATE_LIMIT_MS (a device offline for days), nor after `now` (a
 * device clock ahead).
 */
export function planFrom(updatedAt: string, now: Date): Date {
  const written = Date.parse(updatedAt);
  return new Date(Math.min(now.getTime(), Math.max(now.getTime() - LATE_LIMIT_MS, Number.isNaN(written) ? now.getTime() : written - 1)));
}

/** What decides a job's schedule: a change of any of it plans the job again. */
export const planKeyOf = (rule: ReminderRule, timeZone: string): string => JSON.stringify([rule.repeat, rule.date, [...rule.weekdays].sort(), rule.time, timeZone]);

/**
 * Which fields go together: a one-off has a date and no weekdays; a weekly reminder at least one
 * weekday and no date; the session reminders neither. Null when the shape is right.
 */
export function reminderShapeRefusal(r: ReminderRule): Refusal | null {
  if (r.repeat === 'once') return r.date && r.weekdays.length === 0 ? null : refusal('reminder_once_date');
  if (r.repeat === 'weekly') return r.date === null && r.weekdays.length > 0 && new Set(r.weekdays).size === r.weekdays.length ? null : refusal('reminder_weekly_days');
  return r.date === null && r.weekdays.length === 0 ? null : refusal('reminder_session_plain');
}

export interface SessionBrief {
  id: string;
  title: string;
  dueDate: string;
}

/**
 * The reminder's notice to its client at the moment it fires, or null when there is nothing to
 * remind of: the session reminders only on a day with a published, open session (tomorrow's
 * for `eveBefore`, today's for `sessionDay`). `today` is the client's calendar day.
 */
export function reminderNotice(r: Pick<Reminder, 'id' | 'repeat' | 'message'>, clientId: string, today: string, openSessions: readonly SessionBrief[]): Notice | null {
  const message = r.message.trim();
  if (r.repeat === 'once' || r.repeat === 'weekly') {
    return { recipientId: clientId, kind: 'reminders', title: 'Reminder', body: message || 'Time to train.', url: '/client', tag: `reminder:${r.id}` };
  }
  const day = r.repeat === 'eveBefore' ? plusDays(today, 1) : today;
  const due = openSessions.filter((s) => s.dueDate === day).sort((a, b) => a.title.localeCompare(b.title));
  if (!due.length) return null;
  const names = due.map((s) => s.title.trim() || 'Training session').join(', ');
  return {
    recipientId: clientId,
    kind: 'reminders',
    title: r.repeat === 'eveBefore' ? `Tomorrow: ${names}` : `Today: ${names}`,
    body: message || (r.repeat === 'eveBefore' ? 'Your coach has a session ready for you tomorrow.' : 'Your session is waiting for you.'),
    url: due.length === 1 ? `/client/sessions/${due[0]!.id}` : '/client',
    tag: `reminder:${r.id}:${day}`,
  };
}

/** A coach's alert that a published session's day passed with nothing logged. */
export function missedSessionNotice(s: SessionBrief & { coachId: string; clientId: string }, clientName: string, logged: boolean): Notice | null {
  if (logged) return null;
  return {
    recipientId: s.coachId,
    kind: 'clientAlerts',
    title: `${clientName} missed ${s.title.trim() || 'a session'}`,
    body: `Nothing was logged for ${s.dueDate}.`,
    url: `/coach/clients/${s.clientId}`,
    tag: `missed:${s.id}`,
  };
}

/** A coach's alert that a client's compliance dropped (domain/compliance.ts complianceDrop). */
export function complianceDropNotice(coachId: string, clientId: string, clientName: string, drop: { before: number | null; now: number | null }): Notice {
  return {
    recipientId: coachId,
    kind: 'clientAlerts',
    title: `${clientName}'s compliance dropped`,
    body: `From ${drop.before ?? '–'} % to ${drop.now ?? '–'} % over 14 days.`,
    url: `/coach/clients/${clientId}`,
    tag: `compliance:${clientId}`,
  };
}

/** When a coach's alert for a session due on `dueDate` is due: the next morning, 09:00 on the client's clock. */
export const missedSessionDue = (dueDate: string, timeZone: string): Date => zonedInstant(plusDays(dueDate, 1), ALERT_TIME, timeZone);

/** The time of day the coach's alerts (missed session, compliance check) come, on the client's clock. */
export const ALERT_TIME = '09:00';

/**
 * When a coach's alert held by quiet hours may go: the end of the quiet hours (their `quietTo`
 * on the coach's clock), or null when `at` is not in them. Alerts wait instead of being
 * dropped: unlike a reminder, they are not about a moment, and the app does not show them.
 */
export function afterQuietHours(prefs: NotificationPrefs | undefined, at: Date): Date | null {
  if (!prefs || !inQuietHours(prefs, at) || !prefs.quietTo) return null;
  return nextOccurrence({ repeat: 'sessionDay', date: null, weekdays: [], time: prefs.quietTo }, prefs.timeZone, at);
}
