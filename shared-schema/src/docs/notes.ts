import { z } from 'zod';
import { calendarDate, fieldClocks, id, instant, text, webUrl } from './common.ts';
import { optionalMedia } from './media.ts';

/**
 * Coach-written documents about one client: trainer notes (private or shared),
 * weekly summaries and shared resources (links). Grouped in one
 * collection because they share writer, reader and visibility rules.
 */
export const noteKind = z.enum(['note', 'summary', 'resource']);

export const noteSchema = z.strictObject({
  id,
  kind: noteKind,
  coachId: id,
  clientId: id,
  title: text(200),
  body: text(8000),
  url: webUrl(1000),
  resourceType: text(40),
  isPrivate: z.boolean(),
  weekOf: calendarDate.nullable(),
  // A resource may be an uploaded file (PDF, photo, video) instead of a link (docs/DESIGN.md "Media storage").
  media: optionalMedia,
  createdAt: instant,
  updatedAt: instant,
  fieldClocks,
});
export type Note = z.infer<typeof noteSchema>;
