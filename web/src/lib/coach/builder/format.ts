import { format, parseISO } from 'date-fns';
import type { LogEntry } from '@spotter/shared';

/** "Mon 6 Jan 2030" — due dates are days, shown without a time. */
export const formatDay = (date: string): string => format(parseISO(date), 'EEE d MMM yyyy');

/** What the client did, in one line: "3 × 10 @ 60 kg, difficulty 3/5 — felt strong". */
export function describeEntry(e: LogEntry): string {
  const parts: string[] = [];
  if (e.setsCompleted !== null || e.repsCompleted !== null) parts.push(`${e.setsCompleted ?? '?'} × ${e.repsCompleted ?? '?'}`);
  if (e.weightUsed !== null) parts[parts.length - 1] = `${parts.at(-1) ?? ''} @ ${e.weightUsed} ${e.weightUnit}`.trim();
  if (e.durationMinutes !== null) parts.push(`${e.durationMinutes} min`);
  if (e.completedAsPrescribed) parts.push('as prescribed');
  if (e.difficulty !== null) parts.push(`difficulty ${e.difficulty}/5`);
  const head = parts.join(', ') || 'logged';
  const text = [e.results, e.notes].filter((t) => t.trim()).join('; ');
  return text ? `${head} — ${text}` : head;
}
