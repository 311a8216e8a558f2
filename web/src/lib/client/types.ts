/** View shapes the client components take (plain data; routes compute them with the domain rules). */

/** A day of the Mon–Sun strip, as computed by the shared `weekStrip` (StripDay has more). */
export interface WeekDay {
  date: string; // YYYY-MM-DD
  state: 'done' | 'late' | 'due' | 'none';
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
