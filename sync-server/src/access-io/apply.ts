import type { CollectionName } from '@spotter/shared';
import type { Effect } from '../access/decision.ts';
import { perClient } from '../access/relations.ts';
import type { Repository } from '../storage/repository.ts';

/**
 * After an assignment changes, every document whose visibility may have changed gets a new
 * seq so every device's next pull re-evaluates it. Runs inside the caller's transaction.
 */
export async function bumpClientDocuments(repo: Repository, clientId: string, coachIds: readonly string[]): Promise<CollectionName[]> {
  for (const c of perClient) await repo.bump(c, [{ field: 'clientId', values: [clientId] }]);
  await repo.bump('people', [{ field: 'id', values: [clientId, ...coachIds] }]);
  await repo.bump('exercises', [{ field: 'ownerId', values: coachIds }]);
  return [...perClient, 'people', 'exercises'];
}

/** Carries out a decision's effects (access/decision.ts); returns the collections changed. */
export async function applyEffects(repo: Repository, effects: readonly Effect[] = []): Promise<CollectionName[]> {
  const changed: CollectionName[] = [];
  for (const e of effects) {
    if (e.kind === 'put') {
      await repo.put(e.collection, e.doc, e.deleted);
      changed.push(e.collection);
    } else {
      changed.push(...(await bumpClientDocuments(repo, e.clientId, e.coachIds)));
    }
  }
  return changed;
}
