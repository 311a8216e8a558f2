import type { Viewer } from '@spotter/shared';
import { relationsOf, type ViewerRelations } from '../access/relations.ts';
import type { Repository } from '../storage/repository.ts';

/** The viewer's relations (access/relations.ts), from the assignments that name them. */
export async function loadRelations(repo: Repository, viewer: Viewer): Promise<ViewerRelations> {
  if (viewer.role === 'admin') return relationsOf(viewer, []);
  const mine = viewer.role === 'coach' ? 'coachId' : 'clientId';
  return relationsOf(viewer, await repo.find('assignments', [{ field: mine, op: 'eq', value: viewer.id }]));
}
