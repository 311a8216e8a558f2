import { format, parseISO, startOfWeek } from 'date-fns';
import type { TrainingSession } from '../docs/sessions.ts';
import { addDaysTo } from './dates.ts';
import { isComplete, isLate, logsBySession, type Logs } from './sessions.ts';

/**
 * The client's week strip and "3/5 workouts completed" (the plan page and the "My Trainer"
 * card, docs/DESIGN.md "Logging a workout"). Weeks run Monday to Sunday.
 */

/**
 * done: every session of the day is complete. late: one is open and the day is over.
 * due: one is open and the day is today or ahead. none: nothing published that day (rest).
 */
export type DayState = 'done' | 'late' | 'due' | 'none';

export interface StripDay {
  date: string;
  /** Mon, Tue, ... for the column header. */
  label: string;
  isToday: boolean;
  state: DayState;
  /** The day's published sessions, closest-first order kept from the input. */
  sessionIds: string[];
  completed: number;
}

const mondayOf = (date: string) => format(startOfWeek(parseISO(date), { weekStartsOn: 1 }), 'yyyy-MM-dd');
const LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The seven days of today's week with their state; only published sessions are the client's. */
export function weekStrip(sessions: readonly TrainingSession[], logs: Logs, today: string): StripDay[] {
  const byId = logsBySession(logs);
  const monday = mondayOf(today);
  return LABELS.map((label, i) => {
    const date = addDaysTo(monday, i);
    const day = sessions.filter((s) => s.status === 'published' && s.dueDate === date);
    const completed = day.filter((s) => isComplete(s, byId.get(s.id))).length;
    // Late outranks due and done: a missed session must show even if another that day was done.
    const state: DayState =
      day.length === 0 ? 'none' : completed === day.length ? 'done' : day.some((s) => isLate(s, byId.get(s.id), today)) ? 'late' : 'due';
    return { date, label, isToday: date === today, state, sessionIds: day.map((s) => s.id), completed };
  });
}

/**
 * "3/5 workouts completed" this week: published sessions due Monday to Sunday of today's week,
 * and how many of them are complete, whenever they were completed.
 */
export function weeklyCompletion(sessions: readonly TrainingSession[], logs: Logs, today: string): { completed: number; total: number } {
  return weekStrip(sessions, logs, today).reduce((acc, d) => ({ completed: acc.completed + d.completed, total: acc.total + d.sessionIds.length }), { completed: 0, total: 0 });
}
