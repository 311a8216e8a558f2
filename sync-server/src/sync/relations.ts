import type { CollectionName, Relations, Viewer } from '@spotter/shared';
import type { Repository, Scope } from '../storage/repository.ts';

/**
 * Relations (shared access.ts: active+paused assignments decide visibility) plus everyone
 * ever assigned: a document of a former client is still a pull candidate, so it can reach the
 * coach's devices as a tombstone and disappear from them (DESIGN.md sync rule 4).
 */
export interface ViewerRelations extends Relations {
  everClientIds: ReadonlySet<string>;
  everCoachIds: ReadonlySet<string>;
}

export function loadRelations(repo: Repository, viewer: Viewer): ViewerRelations {
  const clientIds = new Set<string>();
  const coachIds = new Set<string>();
  const everClientIds = new Set<string>();
  const everCoachIds = new Set<string>();
  if (viewer.role !== 'admin') {
    const mine = viewer.role === 'coach' ? 'coachId' : 'clientId';
    for (const { doc, deleted } of repo.find('assignments', [{ field: mine, op: 'eq', value: viewer.id }])) {
      const other = String(viewer.role === 'coach' ? doc.clientId : doc.coachId);
      (viewer.role === 'coach' ? everClientIds : everCoachIds).add(other);
      if (!deleted && (doc.status === 'active' || doc.status === 'paused')) (viewer.role === 'coach' ? clientIds : coachIds).add(other);
    }
  }
  return { clientIds, coachIds, everClientIds, everCoachIds };
}

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
    default:
      return [{ field: 'clientId', values: viewer.role === 'coach' ? related : [me] }];
  }
}

/**
 * After an assignment changes, every document whose visibility may have changed gets a new
 * seq so every device's next pull re-evaluates it. Runs inside the push transaction.
 */
export function bumpClientDocuments(repo: Repository, clientId: string, coachIds: readonly string[]): CollectionName[] {
  for (const c of perClient) repo.bump(c, [{ field: 'clientId', values: [clientId] }]);
  repo.bump('people', [{ field: 'id', values: [clientId, ...coachIds] }]);
  repo.bump('exercises', [{ field: 'ownerId', values: coachIds }]);
  return [...perClient, 'people', 'exercises'];
}
