import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/**
 * Calendar-date helpers. A due date is a day in the client's calendar, so "today" is always
 * passed in by the caller (the device's local day, or the client's day on the server) rather
 * than read from a clock here: the rules stay pure and testable.
 */
export const toCalendarDate = (d: Date): string => format(d, 'yyyy-MM-dd');
export const todayLocal = (): string => toCalendarDate(new Date());
export const addDaysTo = (date: string, days: number): string => toCalendarDate(addDays(parseISO(date), days));

/** Days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(parseISO(to), parseISO(from));

/**
 * The calendar day an instant falls on in `timeZone` (an IANA name; the device's own zone when
 * omitted). "Completed on time" compares this day with a due date, so it must be the client's day,
 * not UTC's: a workout finished at 23:30 in New York is still that day's workout.
 */
export function calendarDateOf(instant: string, timeZone?: string): string {
  return dayFormat(timeZone).format(new Date(instant));
}

// Building an Intl.DateTimeFormat costs ~50 µs, far more than formatting with one, and a
// dashboard computes thousands of these (bench/README.md, cold start): one formatter per zone
// is kept. The device's own zone (no timeZone) is re-read once a minute, so a device that
// travels is followed (asking for the zone costs as much as building the formatter).
const dayFormats = new Map<string, Intl.DateTimeFormat>();
let local: { format: Intl.DateTimeFormat; until: number } | null = null;
const makeDayFormat = (timeZone?: string) =>
  // en-CA formats as YYYY-MM-DD.
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
function dayFormat(timeZone?: string): Intl.DateTimeFormat {
  if (timeZone === undefined) {
    if (!local || Date.now() > local.until) local = { format: makeDayFormat(), until: Date.now() + 60_000 };
    return local.format;
  }
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = makeDayFormat(timeZone)));
  return f;
}
