import { format, parseISO } from 'date-fns';

/** "Mon 6 Jan 2030" — due dates are days, shown without a time. */
export const formatDay = (date: string): string => format(parseISO(date), 'EEE d MMM yyyy');
