import { collections, type CollectionName } from '@spotter/shared';

type Row = Record<string, unknown>;
export type Doc = Record<string, unknown> & { id: string };

// The schema's own keys: a row carries more (seq, deleted, password_hash) that never leave.
export const docKeys = Object.fromEntries(
  Object.entries(collections).map(([name, spec]) => [name, Object.keys(spec.schema.shape)]),
) as Record<CollectionName, string[]>;

// Fields a document may leave out (zod `.optional()`): NULL in their column, absent in the document.
export const optionalKeys = Object.fromEntries(
  Object.entries(collections).map(([name, spec]) => [name, new Set(Object.entries(spec.schema.shape).filter(([, s]) => s.safeParse(undefined).success).map(([k]) => k))]),
) as Record<CollectionName, Set<string>>;

/** Row → document: exactly the zod schema's fields (drizzle already decoded JSON and booleans). */
export function docFromRow(collection: CollectionName, row: Row): Doc {
  const doc: Row = {};
  for (const key of docKeys[collection]) {
    const value = row[key] ?? null;
    if (value !== null || !optionalKeys[collection].has(key)) doc[key] = value;
  }
  return doc as Doc;
}

/** Document → row values (without seq): table columns are named after the document fields. */
export function rowFromDoc(collection: CollectionName, doc: Doc, deleted: boolean): Row {
  const row: Row = { deleted };
  for (const key of docKeys[collection]) row[key] = doc[key] ?? null;
  return row;
}
