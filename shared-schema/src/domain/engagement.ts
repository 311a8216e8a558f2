import { subDays, format, parseISO } from 'date-fns';
import type { SessionLog } from '../docs/logs.ts';
import type { Message } from '../docs/messages.ts';
import type { TrainingSession } from '../docs/sessions.ts';
import { completedOnTime } from './compliance.ts';
import { calendarDateOf } from './dates.ts';

/**
 * Engagement score (docs/DESIGN.md "Coach dashboard"): how actively a client trains and talks with their
 * coach over the last 28 days, 0–100. Four parts, weighted by how much each says about a
 * client who is on track; the formula is shown to the coach verbatim, so keep the text and
 * the code in step. Flagging a compliance drop is compliance.ts's `complianceDrop`.
 */
export const ENGAGEMENT_WINDOW_DAYS = 28;
export const ENGAGEMENT_FORMULA =
  'Engagement (last 28 days) = 40 × sessions logged ÷ sessions due + 30 × sessions completed on time ÷ sessions due ' +
  '+ 20 × min(1, client comments and messages ÷ 8) + 10 × recency (1 if active in the last 2 days, falling to 0 at 14 days).';

export interface EngagementParts {
  due: number;
  logged: number;
  onTime: number;
  interactions: number;
  /** Days since the client's last log entry, completion or message; null if never active. */
  daysSinceActive: number | null;
}

export interface Engagement {
  score: number;
  parts: EngagementParts;
}

const ymd = (d: Date) => format(d, 'yyyy-MM-dd');
const daysApart = (from: string, to: string) => Math.round((parseISO(to).getTime() - parseISO(from).getTime()) / 86_400_000);

/** Recency weight: full within 2 days, linear to nothing at 14 days. */
export const recencyFactor = (days: number | null): number => (days === null ? 0 : days <= 2 ? 1 : days >= 14 ? 0 : (14 - days) / 12);

export function engagementParts(
  clientId: string,
  sessions: readonly TrainingSession[],
  logs: readonly SessionLog[],
  messages: readonly Message[],
  today: string,
  timeZone?: string,
): EngagementParts {
  const dayOfInstant = (instant: string) => calendarDateOf(instant, timeZone);
  const from = ymd(subDays(parseISO(today), ENGAGEMENT_WINDOW_DAYS));
  const logBySession = new Map(logs.map((l) => [l.sessionId, l]));
  let due = 0;
  let logged = 0;
  let onTime = 0;
  for (const s of sessions) {
    if (s.clientId !== clientId || s.status !== 'published' || s.dueDate < from || s.dueDate > today) continue;
    const log = logBySession.get(s.id);
    // Today's session only counts once there is something logged: the day is not over yet.
    const touched = !!log && (log.completedAt !== null || Object.keys(log.entries).length > 0);
    if (s.dueDate === today && !touched) continue;
    due += 1;
    if (touched) logged += 1;
    if (completedOnTime(s, log, timeZone)) onTime += 1;
  }
  // The client's own words: views of resources are counted on the resource, not here.
  const mine = messages.filter((m) => m.clientId === clientId && m.authorId === clientId && (m.kind === 'message' || m.kind === 'comment'));
  const interactions = mine.filter((m) => dayOfInstant(m.createdAt) >= from && dayOfInstant(m.createdAt) <= today).length;
  const activity = [
    ...logs.filter((l) => l.clientId === clientId).flatMap((l) => [l.completedAt, ...Object.values(l.entries).map((e) => e.loggedAt)]),
    ...mine.map((m) => m.createdAt),
  ]
    .filter((x): x is string => !!x)
    .map(dayOfInstant)
    .filter((d) => d <= today)
    .sort();
  const last = activity.at(-1);
  return { due, logged, onTime, interactions, daysSinceActive: last ? daysApart(last, today) : null };
}

/** The score from its parts; with nothing due, the two session terms score zero (nothing to engage with yet). */
export function engagementScore(p: EngagementParts): number {
  const loggedRate = p.due ? p.logged / p.due : 0;
  const onTimeRate = p.due ? p.onTime / p.due : 0;
  const talk = Math.min(1, p.interactions / 8);
  return Math.round(40 * loggedRate + 30 * onTimeRate + 20 * talk + 10 * recencyFactor(p.daysSinceActive));
}

export function engagement(
  clientId: string,
  sessions: readonly TrainingSession[],
  logs: readonly SessionLog[],
  messages: readonly Message[],
  today: string,
  timeZone?: string,
): Engagement {
  const parts = engagementParts(clientId, sessions, logs, messages, today, timeZone);
  return { score: engagementScore(parts), parts };
}
