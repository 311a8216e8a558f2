import { z } from 'zod';
import { calendarDate, fieldClocks, id, instant, optionalId, text } from './common.ts';
import { timeOfDay } from './people.ts';

/**
 * How a reminder repeats (docs/DESIGN.md "Reminders"):
 * - `once`: on `date` at `time`;
 * - `weekly`: on each of `weekdays` at `time` ("every Monday 07:00");
 * - `eveBefore`: at `time` on the evening before each day the client has a session due;
 * - `sessionDay`: at `time` on each day the client has a session due ("today's session").
 * Times are wall-clock times in the client's own time zone, so 19:00 stays 19:00 across
 * daylight-saving changes.
 */
export const reminderRepeat = z.enum(['once', 'weekly', 'eveBefore', 'sessionDay']);
export type ReminderRepeat = z.infer<typeof reminderRepeat>;

export const reminderAuthorRole = z.enum(['coach', 'client']);

/**
 * A reminder a coach schedules for one client (`clientId`) or for all their clients
 * (`clientId` null), or one a client sets for themselves. Written offline like any document;
 * the server schedules it once it has synced.
 */
export const reminderSchema = z.strictObject({
  id,
  authorId: id,
  authorRole: reminderAuthorRole,
  clientId: optionalId,
  /** What the notification says, under its title; empty: a default sentence. */
  message: text(200),
  repeat: reminderRepeat,
  /** `once`: the day, in the client's calendar; null otherwise. */
  date: calendarDate.nullable(),
  /** `weekly`: ISO weekdays, 1 = Monday … 7 = Sunday; empty otherwise. */
  weekdays: z.array(z.number().int().min(1).max(7)).max(7),
  time: timeOfDay,
  createdAt: instant,
  updatedAt: instant,
  fieldClocks,
});
export type Reminder = z.infer<typeof reminderSchema>;
