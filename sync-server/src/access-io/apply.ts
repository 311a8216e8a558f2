import type { CollectionName } from '@spotter/shared';
import type { Effect } from '../access/decision.ts';
import { perClient } from '../access/relations.ts';
import type { Repository } from '../storage/repository.ts';

/**
 * After an assignment changes, every document whose visibility may have changed gets a new
 * seq so every device's next pull re-evaluates it. Runs inside the caller's transaction.
 */
export function bumpClientDocuments(repo: Repository, clientId: string, coachIds: readonly string[]): CollectionName[] {
  for (const c of perClient) repo.bump(c, [{ field: 'clientId', values: [clientId] }]);
  repo.bump('people', [{ field: 'id', values: [clientId, ...coachIds] }]);
  repo.bump('exercises', [{ field: 'ownerId', values: coachIds }]);
  return [...perClient, 'people', 'exercises'];
}

/** Carries out a decision's effects (access/decision.ts); returns the collections changed. */
export function applyEffects(repo: Repository, effects: readonly Effect[] = []): CollectionName[] {
  const changed: CollectionName[] = [];
  for (const e of effects) {
    if (e.kind === 'put') {
      repo.put(e.collection, e.doc, e.deleted);
      changed.push(e.collection);
    } else {
      changed.push(...bumpClientDocuments(repo, e.clientId, e.coachIds));
    }
  }
  return changed;
}
