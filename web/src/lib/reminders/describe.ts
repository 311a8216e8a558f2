import { reminderShapeRefusal, type Reminder, type ReminderRepeat } from '@spotter/shared';

/** Reminders in words, and the form's values to a document (docs/DESIGN.md "Reminders"). Pure. */

const dayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const weekdayChoices = dayNames.map((name, i) => ({ value: i + 1, name, short: name.slice(0, 3) }));

export const repeatChoices: { value: ReminderRepeat; label: string }[] = [
  { value: 'eveBefore', label: 'The evening before each session' },
  { value: 'sessionDay', label: 'On the day of each session' },
  { value: 'weekly', label: 'Every week on chosen days' },
  { value: 'once', label: 'Once' },
];

/** "Every Monday and Thursday at 07:00", "The evening before each session at 19:00". */
export function describeRule(r: Pick<Reminder, 'repeat' | 'date' | 'weekdays' | 'time'>): string {
  switch (r.repeat) {
    case 'eveBefore':
      return `The evening before each session at ${r.time}`;
    case 'sessionDay':
      return `On the day of each session at ${r.time}`;
    case 'weekly': {
      const days = [...r.weekdays].sort((a, b) => a - b).map((d) => dayNames[d - 1]!);
      if (days.length === 7) return `Every day at ${r.time}`;
      const list = days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days.at(-1)}` : days[0] ?? '';
      return `Every ${list} at ${r.time}`;
    }
    case 'once': {
      const day = r.date ? new Date(`${r.date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }) : '';
      return `Once, ${day} at ${r.time}`;
    }
  }
}

export interface ReminderForm {
  /** A client's id, or '' for all the coach's clients. */
  clientId: string;
  repeat: ReminderRepeat;
  date: string;
  weekdays: number[];
  time: string;
  message: string;
}

/**
 * The reminder the form describes, or the sentence saying what is missing (the same rule the
 * server applies: shared reminderShapeRefusal). Only the fields its repeat uses are kept.
 */
export function reminderFromForm(
  form: ReminderForm,
  author: { id: string; role: 'coach' | 'client' },
  id: string,
  now: string,
): { reminder: Reminder } | { problem: string } {
  if (!/^\d{2}:\d{2}$/.test(form.time)) return { problem: 'Pick a time.' };
  const reminder: Reminder = {
    id,
    authorId: author.id,
    authorRole: author.role,
    clientId: author.role === 'client' ? author.id : form.clientId || null,
    message: form.message.trim().slice(0, 200),
    repeat: form.repeat,
    date: form.repeat === 'once' ? form.date || null : null,
    weekdays: form.repeat === 'weekly' ? [...new Set(form.weekdays)].sort((a, b) => a - b) : [],
    time: form.time,
    createdAt: now,
    updatedAt: now,
  };
  const refused = reminderShapeRefusal(reminder);
  return refused ? { problem: refused.message } : { reminder };
}
