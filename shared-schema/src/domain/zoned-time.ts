/**
 * Wall-clock time in an IANA time zone ↔ instants, with Intl only (no Temporal yet in every
 * runtime, no library). docs/DESIGN.md "Reminders": a reminder at 19:00 is 19:00 on the
 * client's clock on every day, whatever daylight saving does.
 */

const DAY_MS = 86_400_000;

const partFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partFormats.get(timeZone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // A zone this runtime does not know (a newer tz database on the device): UTC rather than nothing.
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    partFormats.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at `ms`, read as if it were UTC (whole minutes). */
function wallClockMs(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of partsFormat(timeZone).formatToParts(new Date(ms))) if (type !== 'literal') p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
}

/** The zone's offset from UTC at `ms`, in ms (London in summer: +3 600 000). */
export function offsetAt(ms: number, timeZone: string): number {
  const minute = Math.floor(ms / 60_000) * 60_000;
  return wallClockMs(minute, timeZone) - minute;
}

/**
 * The instant at which the clock in `timeZone` reads `day` `time` (YYYY-MM-DD, HH:MM). A time
 * that occurs twice (the hour the clocks go back) is its first occurrence; a time that does
 * not exist (the hour the clocks go forward) is moved forward by the gap (01:30 → 02:30), as
 * Temporal's "compatible" disambiguation does: the reminder still comes that day, once.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const local = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  // Offsets half a day either side: no zone changes its offset twice within a day.
  const before = offsetAt(local - DAY_MS / 2, timeZone);
  const after = offsetAt(local + DAY_MS / 2, timeZone);
  const fits = [local - before, local - after].filter((t) => offsetAt(t, timeZone) === local - t);
  if (fits.length) return new Date(Math.min(...fits));
  return new Date(local - before);
}

/** The calendar day (YYYY-MM-DD) and ISO weekday (1 = Monday) `at` falls on in `timeZone`. */
export function zonedDay(at: Date, timeZone: string): { day: string; weekday: number } {
  const wall = new Date(wallClockMs(at.getTime(), timeZone));
  return { day: wall.toISOString().slice(0, 10), weekday: ((wall.getUTCDay() + 6) % 7) + 1 };
}

/** `day` plus `n` calendar days. */
export function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}
