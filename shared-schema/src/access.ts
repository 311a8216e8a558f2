import type { CollectionName } from './collections.ts';
import { collections } from './collections.ts';
import type { Role } from './docs/common.ts';
import type { Message } from './docs/messages.ts';
import type { Reminder } from './docs/reminders.ts';
import { reminderShapeRefusal } from './domain/reminders.ts';
import { selfEditablePersonFields } from './docs/people.ts';
import { refusal, type Refusal } from './refusals.ts';

/** Who is asking. */
export interface Viewer {
  id: string;
  role: Role;
}

/**
 * The relationships that decide visibility (docs/DESIGN.md "Who sees what"), looked up by the server
 * per request: a coach's clients (active or paused assignments), a client's coaches.
 */
export interface Relations {
  clientIds: ReadonlySet<string>;
  coachIds: ReadonlySet<string>;
}

type AnyDoc = Record<string, unknown> & { id: string };

/**
 * May `viewer` see `doc`? One predicate per collection, shared by the server's pull (which
 * sends a tombstone for a document that stopped being visible) and the simulation's oracle.
 */
export function canSee(viewer: Viewer, collection: CollectionName, doc: AnyDoc, rel: Relations): boolean {
  const { id: me, role } = viewer;
  const d = doc as Record<string, any>;
  if (role === 'admin') return collection === 'people' || collection === 'assignments' || (collection === 'exercises' && d.ownerId === null);
  const myClient = role === 'coach' && rel.clientIds.has(d.clientId);
  const mine = role === 'client' && d.clientId === me;
  switch (collection) {
    case 'people':
      return d.id === me || (role === 'coach' ? rel.clientIds.has(d.id) : rel.coachIds.has(d.id));
    case 'assignments':
      return role === 'coach' ? d.coachId === me : d.clientId === me;
    case 'exercises':
      return d.ownerId === null || d.ownerId === me || (role === 'client' && rel.coachIds.has(d.ownerId));
    case 'sessions':
      // Drafts are the coach's queue: only their author sees them (docs/DESIGN.md "The draft queue").
      if (role === 'coach') return myClient && (d.status === 'published' || d.coachId === me);
      return mine && d.status === 'published';
    case 'logs':
      return myClient || mine;
    case 'reminders':
      // A reminder is its author's own planning; its client is told when it comes.
      return d.authorId === me;
    case 'messages':
    case 'recommendations':
    case 'plans':
    case 'notes': {
      if (role === 'coach') return myClient && d.coachId === me;
      if (!mine) return false;
      if (collection === 'notes') return d.kind !== 'note' || d.isPrivate === false;
      if (collection === 'plans') return d.status !== 'draft';
      if (collection === 'recommendations') return d.status === 'approved';
      return true;
    }
  }
}

const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/**
 * Why `viewer` may not write `next` over `prev` (null: the document is new), or null when the
 * write is allowed. Pure rules only; rules that need other documents (a log's session, an
 * assignment's capacity) are checked by the server's domain code.
 */
export function writeRefusal(viewer: Viewer, collection: CollectionName, prev: AnyDoc | null, next: AnyDoc, rel: Relations): Refusal | null {
  const { id: me, role } = viewer;
  const spec = collections[collection];
  const n = next as Record<string, any>;
  const p = prev as Record<string, any> | null;
  if (!(spec.writers as readonly Role[]).includes(role)) return refusal('role_cannot_write', { role, collection });
  if (p) {
    for (const field of spec.fixed) {
      if (changed(p[field], n[field])) return refusal('field_fixed', { field });
    }
  }
  switch (collection) {
    case 'people': {
      if (!p) return refusal('account_not_via_sync');
      if (role === 'admin') return null;
      if (p.id !== me) return refusal('profile_not_yours');
      const allowed = new Set<string>(selfEditablePersonFields);
      const bad = Object.keys({ ...p, ...n }).find((k) => !allowed.has(k) && k !== 'id' && changed(p[k], n[k]));
      return bad ? refusal('admin_only_field', { field: bad }) : null;
    }
    case 'assignments':
      return null; // admin; capacity and one-active rules are checked by the server in its transaction
    case 'exercises':
      if (role === 'admin') return n.ownerId === null ? null : refusal('library_only');
      return n.ownerId === me ? null : refusal('exercise_not_yours');
    case 'logs':
      if (n.clientId !== me) return refusal('log_not_yours');
      return null; // the session's existence, owner and status are checked by the server
    case 'messages': {
      if (n.authorId !== me || n.authorRole !== role) return refusal('not_yourself');
      if (n.kind === 'system') return refusal('system_message');
      const shape = messageShapeRefusal(n as Message);
      if (shape) return shape;
      // Feedback on a recommendation is the client's; the coach reads it (docs/DESIGN.md "Recommendations engine").
      if (n.targetType === 'recommendation' && role !== 'client') return refusal('rating_only_client');
      // The count tells the coach what their client opened; the coach's own clicks are not views.
      if (n.kind === 'view' && role !== 'client') return refusal('view_only_client');
      if (role === 'coach') return n.coachId === me && rel.clientIds.has(n.clientId) ? null : refusal('message_not_your_client');
      return n.clientId === me && rel.coachIds.has(n.coachId) ? null : refusal('message_not_your_coach');
    }
    case 'reminders': {
      if (n.authorId !== me || n.authorRole !== role) return refusal('not_yourself');
      // A client reminds only themselves; a coach one of their clients, or all of them (null).
      if (role === 'client' && n.clientId !== me) return refusal('reminder_not_yours');
      if (role === 'coach' && n.clientId !== null && !rel.clientIds.has(n.clientId)) return refusal('client_not_assigned');
      return reminderShapeRefusal(n as Reminder);
    }
    case 'sessions':
    case 'notes':
    case 'plans':
    case 'recommendations':
      if (n.coachId !== me) return refusal('not_yourself');
      if (!rel.clientIds.has(n.clientId)) return refusal('client_not_assigned');
      return null;
  }
}

/**
 * Which fields of a message go together, beyond what its schema can say: a plain message has
 * no target; a comment has one (not a resource); an exercise (`targetEntryId`) only within a
 * log; a rating only on a recommendation, and there it is required; the body may be empty only
 * next to a rating; a view is of a resource and carries nothing else. Null when the shape is
 * right. The server also checks that the target exists.
 */
export function messageShapeRefusal(m: Message): Refusal | null {
  if (m.kind === 'view') {
    if (m.targetType !== 'resource' || m.targetId === null) return refusal('view_needs_resource');
    if (m.targetEntryId !== null || m.rating !== null || m.body !== '') return refusal('view_carries_nothing');
    return null;
  }
  if (m.targetType === 'resource') return refusal('resource_only_viewed');
  if (m.kind !== 'comment') {
    if (m.targetType !== null || m.targetId !== null || m.targetEntryId !== null || m.rating !== null) return refusal('target_only_comments');
    return m.body.trim() === '' ? refusal('message_empty') : null;
  }
  if (m.targetType === null || m.targetId === null) return refusal('comment_needs_target');
  // An exercise's comments live with what the client did with it (its entry in the log).
  if (m.targetEntryId !== null && m.targetType !== 'log') return refusal('entry_comment_only_logs');
  if (m.targetType === 'recommendation' && m.rating === null) return refusal('rating_required');
  if (m.targetType !== 'recommendation' && m.rating !== null) return refusal('rating_only_recommendations');
  if (m.rating === null && m.body.trim() === '') return refusal('message_empty');
  return null;
}
