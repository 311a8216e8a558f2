import type { z } from 'zod';
import { assignmentSchema } from './docs/assignments.ts';
import { exerciseSchema } from './docs/exercises.ts';
import { sessionLogSchema } from './docs/logs.ts';
import { messageSchema } from './docs/messages.ts';
import { noteSchema } from './docs/notes.ts';
import { personSchema } from './docs/people.ts';
import { planSchema } from './docs/plans.ts';
import { recommendationSchema } from './docs/recommendations.ts';
import { reminderSchema } from './docs/reminders.ts';
import { sessionSchema } from './docs/sessions.ts';
import type { Role } from './docs/common.ts';

/**
 * Every synced collection. Ten, under RxDB's open-core limit of 13 collections per JavaScript realm,
 * leaving room for a device-local one.
 *
 * writer: the only role whose pushes may change documents of the kind (docs/DESIGN.md "Write rules");
 * admins also write people (roster) and shared exercises.
 * indexes: what the web app queries by; the server keeps its own SQL indexes.
 * fixed: fields that never change after creation (the ownership of a document).
 */
export const collections = {
  people: { schema: personSchema, writers: ['admin', 'coach', 'client'], indexes: [['role']], fixed: ['role', 'email'] },
  assignments: { schema: assignmentSchema, writers: ['admin'], indexes: [['clientId'], ['coachId']], fixed: ['clientId', 'coachId'] },
  exercises: { schema: exerciseSchema, writers: ['admin', 'coach'], indexes: [['name']], fixed: ['ownerId'] },
  sessions: {
    schema: sessionSchema,
    writers: ['coach'],
    indexes: [['clientId', 'dueDate'], ['status', 'dueDate']],
    fixed: ['coachId', 'clientId'],
  },
  logs: { schema: sessionLogSchema, writers: ['client'], indexes: [['sessionId'], ['clientId']], fixed: ['sessionId', 'clientId', 'coachId'] },
  messages: {
    schema: messageSchema,
    writers: ['coach', 'client'],
    // No index on targetId: it is null for plain messages, and IndexedDB leaves null keys out
    // of an index, so RxDB's count() over such an index misses them.
    // coachId + createdAt: the coach's inbox reads every conversation's newest first (web/src/lib/inbox/).
    indexes: [['clientId', 'createdAt'], ['coachId', 'createdAt']],
    fixed: ['kind', 'authorId', 'authorRole', 'coachId', 'clientId', 'targetType', 'targetId', 'targetEntryId', 'createdAt'],
  },
  notes: { schema: noteSchema, writers: ['coach'], indexes: [['clientId', 'kind']], fixed: ['kind', 'coachId', 'clientId'] },
  plans: { schema: planSchema, writers: ['coach'], indexes: [['clientId']], fixed: ['coachId', 'clientId'] },
  recommendations: { schema: recommendationSchema, writers: ['coach'], indexes: [['clientId']], fixed: ['coachId', 'clientId'] },
  // A device holds only its own person's reminders (a handful): no index is worth its upkeep.
  reminders: { schema: reminderSchema, writers: ['coach', 'client'], indexes: [], fixed: ['authorId', 'authorRole', 'clientId', 'createdAt'] },
} as const satisfies Record<string, { schema: z.ZodObject; writers: readonly Role[]; indexes: readonly (readonly string[])[]; fixed: readonly string[] }>;

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];
export type DocOf<C extends CollectionName> = z.infer<(typeof collections)[C]['schema']>;

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(collections, name);
}
