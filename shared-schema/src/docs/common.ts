import { z } from 'zod';
import { hlcPattern } from '../hlc.ts';

// Ids are UUIDs (v7 preferred: time-ordered keys double SQLite's insert rate) or other
// short opaque strings. RxDB needs a maxLength on every indexed/primary string.
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'ids use letters, digits and - _ . : only');
export const optionalId = id.nullable();

/**
 * A day that exists (month lengths and leap years included), as a regex so that it also lands
 * in the derived JSON Schema: a refine() would be checked by zod only, and the device's RxDB
 * would then store a "2026-02-31" that the server refuses and date-fns cannot parse.
 */
const daySource =
  '(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29' +
  '|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';

/** An instant, ISO 8601 in UTC as produced by Date#toISOString. */
export const instant = z
  .string()
  .max(30)
  .regex(new RegExp(`^(?:${daySource})T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,3})?Z$`), 'expected an ISO timestamp');

/** A calendar date (YYYY-MM-DD). Due dates are days, not instants (docs/DESIGN.md "Training sessions"). */
export const calendarDate = z
  .string()
  .length(10)
  .regex(new RegExp(`^(?:${daySource})$`), 'expected a date as YYYY-MM-DD');

/**
 * An http(s) link or ''. The protocol is also a regex because z.url's protocol option does not
 * reach the JSON Schema (format "uri" alone lets RxDB store a javascript: link the server refuses).
 */
export const webUrl = (max: number) => z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(max).regex(/^https?:\/\//i)]);

export const text = (max: number) => z.string().max(max);

export const role = z.enum(['coach', 'client', 'admin']);
export type Role = z.infer<typeof role>;

export const weightUnit = z.enum(['kg', 'lb']);
export type WeightUnit = z.infer<typeof weightUnit>;

/**
 * When each field was last edited (docs/DESIGN.md "The last edit of each field wins"): a path (a field,
 * or `entries/<key>/<field>` inside a record) → a hybrid-logical-clock stamp (hlc.ts). Set by
 * the device on every write (merge.ts `stampEdit`); absent on documents written before it and
 * on those the server writes.
 */
export const fieldClocks = z
  .record(z.string().min(1).max(200), z.string().max(60).regex(hlcPattern, 'expected a clock stamp'))
  .optional();
