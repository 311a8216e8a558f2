import type { Plan, Prescription, Weekday } from '@spotter/shared';

/**
 * Pure operations on a workout plan being edited (docs/DESIGN.md "Plan activation"). The editor calls these
 * and hands the result to the data layer, exactly like the session builder's drafts: a plan
 * is a `plans` document written locally at every edit, offline or not, and synced later.
 */

export const WEEKDAYS: readonly Weekday[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface PlanIds {
  id: () => string;
  now: string;
}

export function newPlan(coachId: string, clientId: string, assignmentId: string | null, ids: PlanIds): Plan {
  return {
    id: ids.id(),
    coachId,
    clientId,
    assignmentId,
    title: 'New plan',
    description: '',
    goals: '',
    durationWeeks: 4,
    startDate: null,
    status: 'draft',
    days: [],
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}

const weekOrder = (d: Weekday) => WEEKDAYS.indexOf(d);

/** Turns a training day on (empty) or off (dropping its exercises); days stay Monday-first. */
export function toggleDay(plan: Plan, day: Weekday): Plan['days'] {
  if (plan.days.some((d) => d.day === day)) return plan.days.filter((d) => d.day !== day);
  return [...plan.days, { day, exercises: [] }].sort((a, b) => weekOrder(a.day) - weekOrder(b.day));
}

export function setDayExercises(plan: Plan, day: Weekday, exercises: Prescription[]): Plan['days'] {
  return plan.days.map((d) => (d.day === day ? { day, exercises } : d));
}

export function dayExercises(plan: Plan, day: Weekday): Prescription[] {
  return plan.days.find((d) => d.day === day)?.exercises ?? [];
}

/** The days of the week that will get a session when the plan is activated. */
export const trainingDays = (plan: Pick<Plan, 'days'>) => plan.days.filter((d) => d.exercises.length > 0).map((d) => d.day);

/**
 * Why this plan cannot be activated yet, or null. Checked on the device so "Activate" can
 * say it at once; the server schedules the sessions and has the last word.
 */
export function activationRefusal(plan: Plan): string | null {
  if (plan.title.trim() === '') return 'Give the plan a title.';
  if (trainingDays(plan).length === 0) return 'Add at least one exercise to a day.';
  const empty = plan.days.find((d) => d.exercises.some((p) => p.reps.trim() === ''));
  if (empty) return `Every exercise on ${empty.day} needs reps (e.g. 10, 8-12, AMRAP).`;
  return null;
}

/**
 * Activating asks the server to schedule the sessions from `startDate` (the coming Monday by
 * default, so week 1 is a whole week).
 */
export function activate(plan: Plan, startDate: string, now: string): Plan {
  return { ...plan, status: 'active', startDate, updatedAt: now };
}

export const statusLabel: Record<Plan['status'], string> = {
  draft: 'Draft',
  active: 'Active',
  completed: 'Completed',
  archived: 'Archived',
};
