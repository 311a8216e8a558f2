import type { SessionLog, TrainingSession } from '@spotter/shared';
import { addDaysTo, isComplete, logsBySession, toCalendarDate, type Logs } from '@spotter/shared';
import { parseISO, startOfWeek } from 'date-fns';
import type { DayState, WeekDay } from './types.ts';

/**
 * The client's week (seed 003's workout plan page and "My Trainer" widget). Weeks run
 * Monday to Sunday, as on the seed's strip; `today` is the client's calendar day.
 */
export function weekDates(today: string): string[] {
  const monday = toCalendarDate(startOfWeek(parseISO(today), { weekStartsOn: 1 }));
  return Array.from({ length: 7 }, (_, i) => addDaysTo(monday, i));
}

type Published = Pick<TrainingSession, 'id' | 'status' | 'dueDate'>;

/**
 * One day's mark. A missed session outweighs a done one (the client should see what was
 * missed), and anything still to do outweighs done: "done" means everything due that day was
 * completed. Drafts never reach the client and are ignored.
 */
export function dayState(sessions: readonly Published[], logs: ReadonlyMap<string, SessionLog>, date: string, today: string): DayState {
  const due = sessions.filter((s) => s.status === 'published' && s.dueDate === date);
  if (due.length === 0) return 'none';
  const open = due.filter((s) => !isComplete(s, logs.get(s.id)));
  if (open.length === 0) return 'done';
  return date < today ? 'late' : 'due';
}

export function weekStrip(sessions: readonly Published[], logs: Logs, today: string): WeekDay[] {
  const byId = logsBySession(logs);
  return weekDates(today).map((date) => ({ date, state: dayState(sessions, byId, date, today), isToday: date === today }));
}

/**
 * "3/5 workouts completed" this week: published sessions due Monday–Sunday of today's week,
 * and how many of them the client has completed (whenever they completed them).
 */
export function weeklyCompletion(sessions: readonly Published[], logs: Logs, today: string): { completed: number; total: number } {
  const byId = logsBySession(logs);
  const days = new Set(weekDates(today));
  const due = sessions.filter((s) => s.status === 'published' && days.has(s.dueDate));
  return { completed: due.filter((s) => isComplete(s, byId.get(s.id))).length, total: due.length };
}
