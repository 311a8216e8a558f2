import { z } from 'zod';
import { collections, type CollectionName } from './collections.ts';

/**
 * Bump when a collection's zod schema changes shape, and add the step to `migrationStrategies`
 * in the web data layer (web/src/lib/data/database.ts). 1: message kind 'view', target 'resource';
 * 2: the optional fieldClocks (per-field clocks); 3: a log entry's sets;
 * 4: an exercise's optional catalogueId and a prescription's optional group;
 * 5: a person's optional notification preferences and read markers;
 * 6: reminders, a person's optional reminder and alert switches, and the messages' coachId + createdAt index;
 * 7: the optional media (a coach's own photo, video or file) of an exercise, a prescription
 * and a resource.
 */
export const SCHEMA_VERSION = 7;

type JsonSchema = Record<string, unknown>;

/**
 * Derives the RxDB collection schema from the zod schema, so the wire type, the server's
 * parser and the local database's schema are one definition (docs/DESIGN.md "One model").
 */
export function rxSchemaFor(name: CollectionName): JsonSchema {
  const { schema, indexes } = collections[name];
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return {
    title: name,
    version: SCHEMA_VERSION,
    primaryKey: 'id',
    type: 'object',
    properties: json.properties,
    required: json.required,
    // Unknown fields are refused by the zod parser on both sides; RxDB keeps the schema open
    // only for its own _meta/_rev bookkeeping.
    additionalProperties: false,
    indexes: indexes.map((fields) => (fields.length === 1 ? fields[0] : [...fields])),
  };
}
