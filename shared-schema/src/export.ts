import { z } from 'zod';
import { collections } from './collections.ts';
import { id, instant, role } from './docs/common.ts';

/**
 * "Download my data" (docs/DESIGN.md "Export"): `GET /api/export?format=json|zip`, with
 * `clientId` to narrow a coach's (or an admin's) export to one client. Both sides build the
 * same documents from the same rows (domain/export-rows.ts): the server from its store, the
 * device offline from what it holds.
 */
export const exportFormat = z.enum(['json', 'zip']);
export type ExportFormat = z.infer<typeof exportFormat>;

export const exportQuerySchema = z.strictObject({
  format: exportFormat.default('json'),
  clientId: id.optional().describe('Only this client (one of a coach\'s clients; a client may name only themselves)'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** Where an export was made: the server's full copy, or the device's copy taken offline. */
export const exportSource = z.enum(['server', 'device']);
export type ExportSource = z.infer<typeof exportSource>;

export const EXPORT_VERSION = 1;

/** The kinds of document an export holds, in the order the JSON document lists them. */
export const exportKinds = ['people', 'assignments', 'exercises', 'sessions', 'logs', 'messages', 'notes', 'plans', 'recommendations', 'reminders'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** The head of every export: the JSON document's `export` field, the ZIP's manifest.json. */
export const exportHeaderSchema = z.strictObject({
  format: z.literal('spotter-export'),
  version: z.literal(EXPORT_VERSION),
  source: exportSource,
  exportedAt: instant,
  person: z.strictObject({ id, role }),
  clientId: id.nullable(),
  /** Said in words, for whoever opens the file: whose data, and whether it is the device's copy. */
  note: z.string(),
});
export type ExportHeader = z.infer<typeof exportHeaderSchema>;

/** What an export says it is, in words (the device's copy says it may lack what never reached it). */
export function exportNote(source: ExportSource): string {
  return source === 'server'
    ? 'Everything you may see in Spotter, as the server holds it.'
    : "The copy this device holds, made offline: changes that have not reached this device yet are not in it.";
}

/** The file name a browser saves an export under, e.g. spotter-export-2026-12-07.zip. */
export function exportFileName(format: ExportFormat, date: string, source: ExportSource): string {
  return `spotter-export${source === 'device' ? '-device-copy' : ''}-${date}.${format}`;
}

const exportedSchema = <S extends z.ZodObject>(schema: S) => schema.omit({ fieldClocks: true } as never) as unknown as z.ZodObject;

/**
 * The JSON export: the header, then every kind of document the person may see, each as its
 * shared schema describes it without `fieldClocks` (the sync's bookkeeping). The server
 * streams it kind by kind; OpenAPI shows this shape.
 */
export const exportDocumentSchema = z.object({
  export: exportHeaderSchema,
  ...(Object.fromEntries(exportKinds.map((k) => [k, z.array(exportedSchema(collections[k].schema))])) as Record<ExportKind, z.ZodArray<z.ZodObject>>),
});
export type ExportDocument = z.infer<typeof exportDocumentSchema>;
