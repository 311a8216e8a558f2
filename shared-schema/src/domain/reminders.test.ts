import { describe, expect, it } from 'vitest';
import { defaultNotificationPrefs } from './notifications.ts';
import { afterQuietHours, missedSessionDue, nextOccurrence, planFrom, reminderNotice, type ReminderRule } from './reminders.ts';
import { zonedDay, zonedInstant } from './zoned-time.ts';

const at = (iso: string) => new Date(iso);
const once = (date: string, time: string): ReminderRule => ({ repeat: 'once', date, weekdays: [], time });
const weekly = (weekdays: number[], time: string): ReminderRule => ({ repeat: 'weekly', date: null, weekdays, time });
const daily = (time: string, repeat: 'eveBefore' | 'sessionDay' = 'eveBefore'): ReminderRule => ({ repeat, date: null, weekdays: [], time });

describe('zonedInstant: a wall-clock time in a zone, across daylight-saving changes', () => {
  it.each([
    ['London in winter is UTC', '2026-01-15', '19:00', 'Europe/London', '2026-01-15T19:00:00.000Z'],
    ['London in summer is UTC+1', '2026-07-15', '19:00', 'Europe/London', '2026-07-15T18:00:00.000Z'],
    ['New York in winter is UTC-5', '2026-01-15', '19:00', 'America/New_York', '2026-01-16T00:00:00.000Z'],
    ['New York in summer is UTC-4', '2026-07-15', '07:00', 'America/New_York', '2026-07-15T11:00:00.000Z'],
    // Clocks go forward: 01:30 does not exist in London on 29 March 2026; it comes as 02:30 BST.
    ['London: a time in the spring gap moves forward by the gap', '2026-03-29', '01:30', 'Europe/London', '2026-03-29T01:30:00.000Z'],
    ['London: just after the spring change', '2026-03-29', '03:00', 'Europe/London', '2026-03-29T02:00:00.000Z'],
    // Clocks go back: 01:30 happens twice in London on 25 October 2026; the first one counts.
    ['London: a time that happens twice is its first occurrence', '2026-10-25', '01:30', 'Europe/London', '2026-10-25T00:30:00.000Z'],
    ['New York: the spring gap (02:30 on 8 March 2026) → 03:30 EDT', '2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['New York: 01:30 twice on 1 November 2026, the first (EDT)', '2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['Kolkata: a half-hour offset', '2026-05-01', '09:00', 'Asia/Kolkata', '2026-05-01T03:30:00.000Z'],
    ['an unknown zone reads as UTC', '2026-05-01', '09:00', 'Mars/Olympus_Mons', '2026-05-01T09:00:00.000Z'],
  ])('%s', (_why, day, time, zone, expected) => {
    expect(zonedInstant(day, time, zone).toISOString()).toBe(expected);
  });

  it.each([
    ['late evening in New York is the next day in UTC', '2026-01-16T03:00:00.000Z', 'America/New_York', '2026-01-15', 4],
    ['Monday morning in London', '2026-03-30T06:00:00.000Z', 'Europe/London', '2026-03-30', 1],
  ])('zonedDay: %s', (_why, instant, zone, day, weekday) => {
    expect(zonedDay(at(instant), zone)).toEqual({ day, weekday });
  });
});

describe('nextOccurrence: the first time after now, on the client clock', () => {
  it.each<[string, ReminderRule, string, string, string | null]>([
    ['19:00 every evening, before 19:00', daily('19:00'), 'Europe/London', '2026-01-15T12:00:00.000Z', '2026-01-15T19:00:00.000Z'],
    ['19:00 every evening, at 19:00 exactly: the next day (never twice)', daily('19:00'), 'Europe/London', '2026-01-15T19:00:00.000Z', '2026-01-16T19:00:00.000Z'],
    // Across the spring change, 19:00 stays 19:00 on the clock: an hour earlier in UTC.
    ['London, 19:00 across the spring change', daily('19:00'), 'Europe/London', '2026-03-28T19:00:00.000Z', '2026-03-29T18:00:00.000Z'],
    ['London, 19:00 across the autumn change', daily('19:00'), 'Europe/London', '2026-10-24T18:00:00.000Z', '2026-10-25T19:00:00.000Z'],
    ['New York, 07:00 across the spring change', daily('07:00'), 'America/New_York', '2026-03-07T12:00:00.000Z', '2026-03-08T11:00:00.000Z'],
    ['New York, 07:00 across the autumn change', daily('07:00'), 'America/New_York', '2026-10-31T11:00:00.000Z', '2026-11-01T12:00:00.000Z'],
    // 01:30 in London on 25 Oct 2026 happens twice; once sent at the first, the second is not another reminder.
    ['London, 01:30 on the night it happens twice, after the first', daily('01:30'), 'Europe/London', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'],
    ['London, 01:30 on the night it does not exist: 02:30 BST', daily('01:30'), 'Europe/London', '2026-03-28T02:00:00.000Z', '2026-03-29T01:30:00.000Z'],
    ['every Monday 07:00, asked on a Wednesday', weekly([1], '07:00'), 'Europe/London', '2026-03-25T10:00:00.000Z', '2026-03-30T06:00:00.000Z'],
    ['Monday and Thursday 07:00, asked on a Wednesday', weekly([1, 4], '07:00'), 'Europe/London', '2026-03-25T10:00:00.000Z', '2026-03-26T07:00:00.000Z'],
    // 23:30 Sunday in New York is already Monday in UTC: the day is the client's.
    ['every Sunday 23:30 in New York', weekly([7], '23:30'), 'America/New_York', '2026-03-14T12:00:00.000Z', '2026-03-16T03:30:00.000Z'],
    ['a one-off still ahead', once('2026-04-02', '19:00'), 'Europe/London', '2026-04-01T12:00:00.000Z', '2026-04-02T18:00:00.000Z'],
    ['a one-off that has passed never comes again', once('2026-04-02', '19:00'), 'Europe/London', '2026-04-02T18:00:00.000Z', null],
  ])('%s', (_why, rule, zone, now, expected) => {
    expect(nextOccurrence(rule, zone, at(now))?.toISOString() ?? null).toBe(expected);
  });
});

describe('planFrom: where a synced reminder starts from', () => {
  const now = at('2026-01-15T19:30:00.000Z');
  it.each([
    // Typed offline at 18:00 for 19:00, synced at 19:30: it still comes, late, once.
    ['written before it synced', '2026-01-15T18:00:00.000Z', '2026-01-15T17:59:59.999Z'],
    ['written days ago on a device that was offline: half a day back at most', '2026-01-10T18:00:00.000Z', '2026-01-15T07:30:00.000Z'],
    ['a device clock ahead: now', '2026-01-16T18:00:00.000Z', '2026-01-15T19:30:00.000Z'],
  ])('%s', (_why, updatedAt, expected) => {
    expect(planFrom(updatedAt, now).toISOString()).toBe(expected);
  });
  it('a one-off typed offline before its time is due at once when it syncs late', () => {
    const from = planFrom('2026-01-15T18:00:00.000Z', now);
    expect(nextOccurrence(once('2026-01-15', '19:00'), 'Europe/London', from)?.toISOString()).toBe('2026-01-15T19:00:00.000Z');
  });
});

describe('reminderNotice: what the client is shown', () => {
  const sessions = [
    { id: 's-thu', title: 'Lower body', dueDate: '2026-03-05' },
    { id: 's-fri', title: 'Upper body', dueDate: '2026-03-06' },
  ];
  it.each([
    ['the evening before a session', 'eveBefore', '', '2026-03-04', { title: 'Tomorrow: Lower body', url: '/client/sessions/s-thu' }],
    ['the morning of a session, with the coach words', 'sessionDay', 'Warm up well', '2026-03-06', { title: 'Today: Upper body', body: 'Warm up well', url: '/client/sessions/s-fri' }],
    ['a weekly reminder', 'weekly', 'Weigh in', '2026-03-02', { title: 'Reminder', body: 'Weigh in', url: '/client' }],
  ] as const)('%s', (_why, repeat, message, today, expected) => {
    expect(reminderNotice({ id: 'r', repeat, message }, 'client-1', today, sessions)).toMatchObject({ recipientId: 'client-1', kind: 'reminders', ...expected });
  });
  it.each([
    ['no session tomorrow: nothing to remind of', 'eveBefore', '2026-03-06'],
    ['no session today', 'sessionDay', '2026-03-04'],
  ] as const)('%s', (_why, repeat, today) => {
    expect(reminderNotice({ id: 'r', repeat, message: '' }, 'client-1', today, sessions)).toBeNull();
  });
});

describe("coach's alerts", () => {
  it.each([
    ['a session due Thursday in London: Friday 09:00 GMT', '2026-03-05', 'Europe/London', '2026-03-06T09:00:00.000Z'],
    ['in New York, the morning after, 09:00 EST', '2026-03-05', 'America/New_York', '2026-03-06T14:00:00.000Z'],
  ])('missedSessionDue: %s', (_why, due, zone, expected) => {
    expect(missedSessionDue(due, zone).toISOString()).toBe(expected);
  });

  const quiet = { ...defaultNotificationPrefs('Europe/London'), quietFrom: '22:00', quietTo: '07:00' };
  it.each([
    ['outside quiet hours: now', '2026-03-06T09:00:00.000Z', null],
    ['inside quiet hours: at their end, on the coach clock', '2026-03-06T23:00:00.000Z', '2026-03-07T07:00:00.000Z'],
    ['inside quiet hours in summer', '2026-07-06T22:00:00.000Z', '2026-07-07T06:00:00.000Z'],
  ])('afterQuietHours: %s', (_why, now, expected) => {
    expect(afterQuietHours(quiet, at(now))?.toISOString() ?? null).toBe(expected);
  });
});
