import { addDays, format, parseISO } from 'date-fns';

/**
 * Calendar-date helpers. A due date is a day in the client's calendar, so "today" is always
 * passed in by the caller (the device's local day, or the client's day on the server) rather
 * than read from a clock here: the rules stay pure and testable.
 */
export const toCalendarDate = (d: Date): string => format(d, 'yyyy-MM-dd');
export const todayLocal = (): string => toCalendarDate(new Date());
export const addDaysTo = (date: string, days: number): string => toCalendarDate(addDays(parseISO(date), days));
