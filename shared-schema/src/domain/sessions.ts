import type { Exercise } from '../docs/exercises.ts';
import type { SessionLog } from '../docs/logs.ts';
import type { TrainingSession } from '../docs/sessions.ts';
import { addDaysTo } from './dates.ts';

/**
 * The session lists (docs/DESIGN.md "Session lists"). `today` is always the client's
 * calendar day (YYYY-MM-DD), passed in.
 */

/** Logs given either as a list or already indexed by session id. */
export type Logs = readonly SessionLog[] | ReadonlyMap<string, SessionLog>;

/** Index logs by the session they belong to (one log per session: its id derives from the session). */
export function logsBySession(logs: Logs): ReadonlyMap<string, SessionLog> {
  if (!Array.isArray(logs)) return logs as ReadonlyMap<string, SessionLog>;
  return new Map((logs as readonly SessionLog[]).map((l) => [l.sessionId, l]));
}

// A session is complete when its client marks it complete (docs/DESIGN.md "Workout logs"); logging
// every exercise without pressing "Complete session" is not completion.
export const isComplete = (session: Pick<TrainingSession, 'id'>, log: SessionLog | null | undefined): boolean =>
  !!log && log.sessionId === session.id && log.completedAt !== null;

// Late: published, not complete, and its due day is over. A draft is the coach's unsent work,
// not something the client failed to do, so it is never late (the builder shows why a
// past-dated draft cannot be submitted instead).
export const isLate = (session: Pick<TrainingSession, 'id' | 'status' | 'dueDate'>, log: SessionLog | null | undefined, today: string): boolean =>
  session.status === 'published' && !isComplete(session, log) && session.dueDate < today;

export type SessionTab = 'upcoming' | 'previous';

// Previous = complete or late; everything else, drafts included, is upcoming (docs/DESIGN.md "Session lists").
export const sessionTab = (session: Pick<TrainingSession, 'id' | 'status' | 'dueDate'>, log: SessionLog | null | undefined, today: string): SessionTab =>
  isComplete(session, log) || isLate(session, log, today) ? 'previous' : 'upcoming';

const isUnsent = (s: TrainingSession) => s.status !== 'published';

/**
 * Upcoming, in display order. Unsent sessions (draft, submitted) first, newest first, so a session
 * just added stays at the top (docs/DESIGN.md "Session lists"). Then published ones, closest due
 * date first; ties by creation then id so the order never flickers between renders.
 */
export function upcomingSessions(sessions: readonly TrainingSession[], logs: Logs, today: string): TrainingSession[] {
  const byId = logsBySession(logs);
  return sessions
    .filter((s) => sessionTab(s, byId.get(s.id), today) === 'upcoming')
    .sort((a, b) => {
      if (isUnsent(a) !== isUnsent(b)) return isUnsent(a) ? -1 : 1;
      if (isUnsent(a)) return b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
      return a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
    });
}

/** Previous, most recent due date first (docs/DESIGN.md "Session lists"); ties by id for a stable order. */
export function previousSessions(sessions: readonly TrainingSession[], logs: Logs, today: string): TrainingSession[] {
  const byId = logsBySession(logs);
  return sessions
    .filter((s) => sessionTab(s, byId.get(s.id), today) === 'previous')
    .sort((a, b) => b.dueDate.localeCompare(a.dueDate) || a.id.localeCompare(b.id));
}

export interface WeekOfTraining {
  /** Published sessions due in the window: how much was programmed. */
  count: number;
  /** Of those, how many the client completed. */
  completed: number;
  /** Each exercise prescribed in the window: `times` sessions prescribed it, `logged` of them have it logged. */
  exercises: { exerciseId: string; name: string; times: number; logged: number }[];
}

/**
 * The builder's "last week of training" (docs/DESIGN.md "Session lists"): the seven days ending today, so the coach
 * sees at a glance how many sessions a week this client gets and which exercises they did.
 * Drafts are left out: they were never programmed for the client. Most prescribed first.
 */
export function lastSevenDays(
  sessions: readonly TrainingSession[],
  logs: Logs,
  exercises: readonly Pick<Exercise, 'id' | 'name'>[],
  today: string,
): WeekOfTraining {
  const from = addDaysTo(today, -6);
  const byId = logsBySession(logs);
  const names = new Map(exercises.map((e) => [e.id, e.name]));
  const inWindow = sessions.filter((s) => s.status === 'published' && s.dueDate >= from && s.dueDate <= today);
  const tally = new Map<string, { times: number; logged: number }>();
  for (const s of inWindow) {
    const log = byId.get(s.id);
    const seen = new Set<string>();
    for (const p of s.exercises) {
      if (seen.has(p.exerciseId)) continue; // one session counts an exercise once
      seen.add(p.exerciseId);
      const t = tally.get(p.exerciseId) ?? { times: 0, logged: 0 };
      t.times += 1;
      if (s.exercises.some((q) => q.exerciseId === p.exerciseId && log?.entries[q.id])) t.logged += 1;
      tally.set(p.exerciseId, t);
    }
  }
  const list = [...tally].map(([exerciseId, t]) => ({ exerciseId, name: names.get(exerciseId) ?? 'Unknown exercise', ...t }));
  list.sort((a, b) => b.times - a.times || a.name.localeCompare(b.name) || a.exerciseId.localeCompare(b.exerciseId));
  return { count: inWindow.length, completed: inWindow.filter((s) => isComplete(s, byId.get(s.id))).length, exercises: list };
}
