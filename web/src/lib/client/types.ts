/** View shapes the client components take (plain data; routes compute them with the domain rules). */

/** A day of the Mon–Sun strip: done (a session completed), late (one missed), due (one still to do). */
export type DayState = 'done' | 'late' | 'due' | 'none';

export interface WeekDay {
  date: string; // YYYY-MM-DD
  state: DayState;
  isToday: boolean;
}

/** A session as a line in the client's lists. */
export interface SessionItem {
  id: string;
  title: string;
  dueDate: string;
  exerciseCount: number;
  completed: boolean;
  late: boolean;
  /** Exercises logged so far (skipped ones show on completed sessions). */
  logged: number;
}

export interface TrainerInfo {
  name: string;
  specializations: string[];
  certifications: string[];
}
