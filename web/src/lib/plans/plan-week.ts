import type { Plan, Prescription, SessionLog, TrainingSession, Weekday } from '@spotter/shared';
import { addDaysTo } from '@spotter/shared';
import { parseISO, startOfWeek } from 'date-fns';
import { toCalendarDate } from '@spotter/shared';
import { WEEKDAYS } from './plan-edit.ts';

/** One column of the plan page's week: "Mon [✓]". */
export interface PlanWeekDay {
  day: Weekday;
  date: string;
  /** What the plan prescribes on this weekday (empty: a rest day). */
  planned: Prescription[];
  /** The session the plan scheduled for this date, where logging happens. */
  session: TrainingSession | null;
  done: boolean;
  isToday: boolean;
}

export const mondayOf = (date: string) => toCalendarDate(startOfWeek(parseISO(date), { weekStartsOn: 1 }));

/**
 * The plan's week containing `today` (the client's calendar day). A day is done when the
 * session the plan scheduled for it is complete (its log has completedAt): training is logged
 * on sessions only (docs/DESIGN.md "Workout plans").
 */
export function planWeek(plan: Plan, sessions: readonly TrainingSession[], logs: readonly SessionLog[], today: string): PlanWeekDay[] {
  const monday = mondayOf(today);
  const completed = new Set(logs.filter((l) => l.completedAt).map((l) => l.sessionId));
  return WEEKDAYS.map((day, i) => {
    const date = addDaysTo(monday, i);
    const session = sessions.find((s) => s.planId === plan.id && s.dueDate === date) ?? null;
    return {
      day,
      date,
      planned: plan.days.find((d) => d.day === day)?.exercises ?? [],
      session,
      done: !!session && completed.has(session.id),
      isToday: date === today,
    };
  });
}

/** Which of a client's plans the plan page shows: the active one, else the latest. */
export function currentPlan(plans: readonly Plan[]): Plan | null {
  const visible = plans.filter((p) => p.status !== 'draft');
  return visible.find((p) => p.status === 'active') ?? [...visible].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
}
