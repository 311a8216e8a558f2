import { getISODay, parseISO } from 'date-fns';
import type { Plan, Weekday } from '../docs/plans.ts';
import type { SessionStatus, TrainingSession } from '../docs/sessions.ts';
import { addDaysTo } from './dates.ts';
import { isDoneEntry } from './logging.ts';
import { logsBySession, type Logs } from './sessions.ts';

/**
 * Workout plans (docs/DESIGN.md "Plan activation"): a plan is a template; activating it schedules
 * dated training sessions, and training is logged on those sessions only (docs/DESIGN.md "Workout plans").
 */

const ISO_DAY: Record<Weekday, number> = { Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6, Sunday: 7 };

export interface ScheduleOptions {
  /**
   * Makes the id of each new session (key "YYYYMMDD") and prescription (key "YYYYMMDD.n").
   * A deterministic one (e.g. from the plan id) makes scheduling idempotent: a retried
   * activation produces the same documents instead of duplicates.
   */
  newId: (key: string) => string;
  /** createdAt/updatedAt of the new sessions. */
  now: string;
  /** Activation publishes to the client; a coach previewing may want drafts. */
  status?: SessionStatus;
}

/**
 * The plan's sessions: every date in [startDate, startDate + 7 × durationWeeks) whose weekday
 * has exercises in the plan, so each training day occurs exactly durationWeeks times even when
 * the plan starts mid-week. Rest days (no exercises) get no session. Oldest first.
 */
export function scheduleSessions(plan: Plan, startDate: string, opts: ScheduleOptions): TrainingSession[] {
  const out: TrainingSession[] = [];
  const startIso = getISODay(parseISO(startDate));
  for (let offset = 0; offset < plan.durationWeeks * 7; offset++) {
    const isoDay = ((startIso - 1 + offset) % 7) + 1;
    const day = plan.days.find((d) => ISO_DAY[d.day] === isoDay && d.exercises.length > 0);
    if (!day) continue;
    const date = addDaysTo(startDate, offset);
    const key = date.replaceAll('-', '');
    out.push({
      id: opts.newId(key),
      coachId: plan.coachId,
      clientId: plan.clientId,
      dueDate: date,
      title: `${plan.title} · ${day.day}`.slice(0, 120),
      notes: '',
      // Fresh prescription ids: each session is its own document, logged against by id.
      exercises: day.exercises.map((p, n) => ({ ...p, id: opts.newId(`${key}.${n}`) })),
      status: opts.status ?? 'published',
      submittedAt: null,
      rejection: null,
      planId: plan.id,
      createdAt: opts.now,
      updatedAt: opts.now,
    });
  }
  return out;
}

export interface PlanCompletionStats {
  totalExercises: number;
  completedExercises: number;
  /** 0–100 rounded to 2 decimals; 0 when the plan scheduled nothing. */
  percentage: number;
}

/**
 * Plan completion (docs/DESIGN.md "Plan activation"), on sessions: every prescribed exercise of the
 * plan's published sessions counts once, and is completed when its log entry says something
 * was done. Pass the sessions of one plan (planId); others are ignored.
 */
export function planCompletionStats(planId: string, sessions: readonly TrainingSession[], logs: Logs): PlanCompletionStats {
  const byId = logsBySession(logs);
  let total = 0;
  let completed = 0;
  for (const s of sessions) {
    if (s.planId !== planId || s.status !== 'published') continue;
    const log = byId.get(s.id);
    for (const p of s.exercises) {
      total += 1;
      if (isDoneEntry(log?.entries[p.id])) completed += 1;
    }
  }
  // Integer arithmetic first, like SQL's ROUND(x, 2) on a numeric: 2/3 -> 66.67, never 66.66999.
  return { totalExercises: total, completedExercises: completed, percentage: total ? Math.round((completed * 10000) / total) / 100 : 0 };
}
