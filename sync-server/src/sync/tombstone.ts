import { isDeepStrictEqual } from 'node:util';
import { canSee, type CollectionName, type Viewer, type WireDoc } from '@spotter/shared';
import type { Doc } from '../storage/mappers.ts';
import type { Stored } from '../storage/repository.ts';
import type { ViewerRelations } from '../access/relations.ts';

/**
 * Tombstone contract: a document the viewer may not see goes out as `{ ...blank, ...kept,
 * _deleted: true }`: a schema-valid document (RxDB validates deleted documents too) whose
 * content fields are blank. Only the id, timestamps and ownership fields (who it belongs to,
 * which the viewer already knew) survive, so a client never receives a draft's content.
 */
const kept = ['id', 'createdAt', 'updatedAt', 'coachId', 'clientId', 'ownerId', 'sessionId', 'authorId', 'authorRole', 'kind', 'role'];

const hidden = '(hidden)';
export const blanks: Record<CollectionName, Record<string, unknown>> = {
  people: {
    role: 'client', email: 'hidden@example.invalid', firstName: hidden, lastName: '', units: 'kg', isPersonalTrainer: false,
    specializations: [], certifications: [], maxClients: 0, hourlyRate: null, bio: '', yearsExperience: null,
  },
  assignments: { status: 'completed', assignedBy: null, startDate: null, endDate: null, notes: '' },
  exercises: { ownerId: null, name: hidden, description: '', videoUrl: '', type: 'other', pattern: 'core', muscleGroups: [] },
  sessions: { dueDate: '1970-01-01', title: '', notes: '', exercises: [], status: 'draft', submittedAt: null, rejection: null, planId: null },
  logs: { entries: {}, completedAt: null },
  messages: { kind: 'message', targetType: null, targetId: null, targetEntryId: null, rating: null, body: hidden },
  notes: { kind: 'note', title: '', body: '', url: '', resourceType: '', isPrivate: true, weekOf: null },
  plans: { assignmentId: null, title: hidden, description: '', goals: '', durationWeeks: 1, startDate: null, status: 'draft', days: [] },
  recommendations: { kind: 'custom', priority: 1, pattern: null, exerciseId: null, title: hidden, reason: '', status: 'dismissed' },
  reminders: { message: '', repeat: 'sessionDay', date: null, weekdays: [], time: '00:00' },
};

export function tombstone(collection: CollectionName, doc: Doc): WireDoc<Doc> {
  const out: Record<string, unknown> = { ...blanks[collection] };
  for (const key of kept) if (key in doc) out[key] = doc[key];
  // A comment's kind without its target would be invalid; the blank is a plain message.
  if (collection === 'messages') out.kind = 'message';
  return { ...(out as Doc), _deleted: true };
}

/**
 * A person's own settings, nobody else's business (docs/DESIGN.md "Notifications", "The coach's
 * inbox"): their quiet hours and time zone, and how far they have read each conversation. Sent
 * only to the person and to admins (who write whole person documents and must not drop them).
 */
const personalFields = ['notifications', 'readUpTo'] as const;

/** The document as this viewer may receive it: in full when visible, else a tombstone. */
export function toWire(viewer: Viewer, collection: CollectionName, stored: Stored, rel: ViewerRelations): WireDoc<Doc> {
  if (!canSee(viewer, collection, stored.doc, rel)) return tombstone(collection, stored.doc);
  if (collection === 'people' && viewer.role !== 'admin' && stored.doc.id !== viewer.id && personalFields.some((f) => f in stored.doc)) {
    const doc: Record<string, unknown> = { ...stored.doc };
    for (const f of personalFields) delete doc[f];
    return { ...(doc as Doc), _deleted: stored.deleted };
  }
  return { ...stored.doc, _deleted: stored.deleted };
}

/**
 * A pushed deletion that is exactly the tombstone of the stored document: a device pushing back
 * a tombstone it was sent (its record of the server's state lagged the pulled tombstone, e.g.
 * closed between RxDB's two writes of a pulled page) — not a person deleting anything. Written,
 * it would delete the document with blank content, which a device then merges back as "another
 * device's edits" (an empty goals nobody typed replaced a committed one: the sync simulation).
 * A person's deletion carries the document's content.
 */
export function isEchoedTombstone(collection: CollectionName, stored: Stored, pushed: WireDoc<Doc>): boolean {
  if (!pushed._deleted || stored.deleted) return false;
  const echo = tombstone(collection, stored.doc);
  const { fieldClocks: _c, ...rest } = pushed as Record<string, unknown>;
  return isDeepStrictEqual(echo, rest);
}
