import { canSee, refusal, type CollectionName, type Refusal, type Role, type Viewer } from '@spotter/shared';
import type { Doc } from '../storage/mappers.ts';

/**
 * Deleting an account (docs/DESIGN.md "Deleting an account"): who may ask for it or cancel it,
 * and what becomes of each document when it takes effect. Pure: the service loads the facts.
 */

export interface DeletionFacts {
  asker: { id: string; role: Role };
  /** The account to delete; null when there is none (or it is already deleted). */
  target: { id: string; role: Role } | null;
  /** Asked through one's own account (true) or an admin's person view (false). */
  self: boolean;
  /** A deletion of this account is already waiting: who asked for it. */
  pending: { byAdmin: boolean } | null;
}

export type DeletionRefusal = { status: 403 | 404 | 409; refusal: Refusal };

/** May the asker ask for this deletion? The reason, or null. Rules, in order: */
export function deletionRefusal(f: DeletionFacts): DeletionRefusal | null {
  // A person's own route deletes only the asker; which account is never taken from the request.
  if (f.self) {
    // A coach's clients need another trainer first, an admin's organisation another admin:
    // both go through an admin, who sees what follows.
    if (f.asker.role !== 'client') return { status: 403, refusal: refusal('deletion_self_client_only') };
  } else {
    if (f.asker.role !== 'admin') return { status: 403, refusal: refusal('deletion_admin_only') };
    // Checked after the role, so a non-admin learns nothing about which ids exist.
    if (!f.target) return { status: 404, refusal: refusal('not_found') };
    // An organisation must never lose its last admin by a click; admins are removed by the operator.
    if (f.target.role === 'admin') return { status: 409, refusal: refusal('deletion_not_admins') };
  }
  if (!f.target) return { status: 404, refusal: refusal('not_found') };
  // One deletion at a time: a replayed or parallel request never moves the undo window.
  if (f.pending) return { status: 409, refusal: refusal('deletion_pending') };
  return null;
}

/** May the asker cancel the waiting deletion? The reason, or null. */
export function cancelRefusal(f: DeletionFacts): DeletionRefusal | null {
  if (!f.self && f.asker.role !== 'admin') return { status: 403, refusal: refusal('deletion_admin_only') };
  if (!f.target || !f.pending) return { status: 404, refusal: refusal('deletion_none') };
  // The person cannot undo an admin's decision from their own device (or by signing in).
  if (f.self && f.pending.byAdmin) return { status: 403, refusal: refusal('deletion_not_yours_to_cancel') };
  return null;
}

/**
 * What becomes of a document when `gone` is deleted:
 * - `erase`: stored as its blank tombstone, deleted (every device holding it drops it);
 * - `end`: an assignment ended (completed today), so the client is free for another trainer;
 * - `keep`: stays as it is — it belongs to someone else.
 */
export type Fate = 'erase' | 'end' | 'keep';

const noRelations = { clientIds: new Set<string>(), coachIds: new Set<string>() };

export function fateOf(gone: { id: string; role: Role }, collection: CollectionName, doc: Doc): Fate {
  const d = doc as Record<string, unknown>;
  if (collection === 'people') return d.id === gone.id ? 'erase' : 'keep';
  if (collection === 'reminders') return d.authorId === gone.id || d.clientId === gone.id ? 'erase' : 'keep';
  if (gone.role === 'client') {
    // Everything of a client's file names them: sessions written for them, their logs, the
    // conversation, their coach's notes about them. None of it is anyone else's to keep.
    return d.clientId === gone.id ? 'erase' : 'keep';
  }
  if (gone.role !== 'coach') return 'keep';
  if (collection === 'assignments') {
    if (d.coachId !== gone.id) return 'keep';
    return d.status === 'active' || d.status === 'paused' ? 'end' : 'keep';
  }
  // What the coach wrote (their words) goes; a client's own messages stay theirs.
  if (collection === 'messages') return d.authorId === gone.id ? 'erase' : 'keep';
  if (d.coachId !== gone.id) return 'keep';
  // What the clients were given (published sessions, shared plans, notes and approved
  // recommendations) is their training history and stays; what only the coach saw goes.
  const client: Viewer = { id: String(d.clientId), role: 'client' };
  return canSee(client, collection, doc as never, noRelations) ? 'keep' : 'erase';
}
