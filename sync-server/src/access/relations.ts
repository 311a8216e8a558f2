import { canSee, type Assignment, type CollectionName, type Person, type Relations, type Viewer } from '@spotter/shared';
import type { Scope, Stored } from '../storage/repository.ts';

/**
 * Relations (shared access.ts: active+paused assignments decide visibility) plus everyone
 * ever assigned: a document of a former client is still a pull candidate, so it can reach the
 * coach's devices as a tombstone and disappear from them (docs/DESIGN.md "Tombstones").
 */
export interface ViewerRelations extends Relations {
  everClientIds: ReadonlySet<string>;
  everCoachIds: ReadonlySet<string>;
  /**
   * Which versions of the viewer's assignments these were read from (their ids and seqs):
   * equal stamps, equal relations. A pull compares it after its page (sync/pull.ts).
   */
  stamp: string;
}

/** The viewer's relations from every assignment that names them (deleted ones included). */
export function relationsOf(viewer: Viewer, assignments: readonly Stored[]): ViewerRelations {
  const clientIds = new Set<string>();
  const coachIds = new Set<string>();
  const everClientIds = new Set<string>();
  const everCoachIds = new Set<string>();
  const read: string[] = [];
  if (viewer.role !== 'admin') {
    const mine = viewer.role === 'coach' ? 'coachId' : 'clientId';
    for (const { doc, deleted, seq } of assignments) {
      const a = doc as Assignment;
      if (a[mine] !== viewer.id) continue;
      read.push(`${a.id}@${seq}`);
      const other = viewer.role === 'coach' ? a.clientId : a.coachId;
      (viewer.role === 'coach' ? everClientIds : everCoachIds).add(other);
      if (!deleted && (a.status === 'active' || a.status === 'paused')) (viewer.role === 'coach' ? clientIds : coachIds).add(other);
    }
  }
  return { clientIds, coachIds, everClientIds, everCoachIds, stamp: read.sort().join(' ') };
}

/** The collections whose documents belong to one client (`clientId`). */
export const perClient: readonly CollectionName[] = ['sessions', 'logs', 'messages', 'notes', 'plans', 'recommendations'];

/**
 * The rows a pull may consider for this viewer: a superset of what canSee allows (what is
 * not visible goes out as a tombstone), narrowed by relationship so no one receives even the
 * ids of strangers' documents.
 */
export function candidateScope(viewer: Viewer, rel: ViewerRelations, collection: CollectionName): Scope {
  const me = viewer.id;
  if (viewer.role === 'admin') {
    if (collection === 'people' || collection === 'assignments') return 'all';
    if (collection === 'exercises') return [{ field: 'ownerId', values: [null] }];
    return [];
  }
  const related = [...(viewer.role === 'coach' ? rel.everClientIds : rel.everCoachIds)];
  switch (collection) {
    case 'people':
      return [{ field: 'id', values: [me, ...related] }];
    case 'assignments':
      return [{ field: viewer.role === 'coach' ? 'coachId' : 'clientId', values: [me] }];
    case 'exercises':
      return [{ field: 'ownerId', values: viewer.role === 'coach' ? [null, me] : [null, ...related] }];
    case 'reminders':
      return [{ field: 'authorId', values: [me] }];
    default:
      return [{ field: 'clientId', values: viewer.role === 'coach' ? related : [me] }];
  }
}

/**
 * May this viewer read this client's data over REST? The same rule as sync (canSee on the
 * person), and a coach is never their own client.
 */
export function clientVisible(viewer: Viewer, found: Stored | null, rel: Relations): found is Stored<Person> {
  return !!found && !found.deleted && found.doc.role === 'client' && canSee(viewer, 'people', found.doc, rel) && !(viewer.role === 'coach' && found.doc.id === viewer.id);
}
