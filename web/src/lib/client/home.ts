import type { SessionLog, TrainingSession } from '@spotter/shared';
import { completionSummary, isComplete, isLate, logsBySession, previousSessions, upcomingSessions, type Logs } from '@spotter/shared';
import type { SessionItem } from './types.ts';

/**
 * The client home's three lists. Today's sessions still to do come first; the rest follow the
 * coach's tabs (docs/DESIGN.md "Session lists"): upcoming closest first, previous (complete or
 * late) most recent first. "Complete session" moves a session to previous, today's included, so the
 * client and the coach find it in the same place.
 */
export function homeLists(sessions: readonly TrainingSession[], logs: Logs, today: string) {
  const byId = logsBySession(logs);
  const published = sessions.filter((s) => s.status === 'published');
  const item = (s: TrainingSession): SessionItem => toItem(s, byId.get(s.id), today);
  return {
    today: published.filter((s) => s.dueDate === today && !isComplete(s, byId.get(s.id))).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map(item),
    upcoming: upcomingSessions(published, byId, today).filter((s) => s.dueDate !== today).map(item),
    previous: previousSessions(published, byId, today).map(item),
  };
}

export function toItem(s: TrainingSession, log: SessionLog | undefined, today: string): SessionItem {
  return {
    id: s.id,
    title: s.title,
    dueDate: s.dueDate,
    exerciseCount: s.exercises.length,
    completed: isComplete(s, log),
    late: isLate(s, log, today),
    logged: completionSummary(s, log).logged,
  };
}
