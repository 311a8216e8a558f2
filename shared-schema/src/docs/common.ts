import { z } from 'zod';

// Ids are UUIDs (v7 preferred: time-ordered keys double SQLite's insert rate) or other
// short opaque strings. RxDB needs a maxLength on every indexed/primary string.
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'ids use letters, digits and - _ . : only');
export const optionalId = id.nullable();

/** An instant, ISO 8601 in UTC as produced by Date#toISOString. */
export const instant = z.string().max(30).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, 'expected an ISO timestamp');

/** A calendar date (YYYY-MM-DD). Due dates are days, not instants (DESIGN.md "Session lists"). */
export const calendarDate = z
  .string()
  .length(10)
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date as YYYY-MM-DD');

export const text = (max: number) => z.string().max(max);

export const role = z.enum(['coach', 'client', 'admin']);
export type Role = z.infer<typeof role>;

export const weightUnit = z.enum(['kg', 'lb']);
export type WeightUnit = z.infer<typeof weightUnit>;
