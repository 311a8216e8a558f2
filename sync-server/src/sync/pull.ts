import type { Checkpoint, CollectionName, PullResponse, Viewer } from '@spotter/shared';
import type { Doc } from '../storage/mappers.ts';
import type { Repository } from '../storage/repository.ts';
import { candidateScope, loadRelations, type ViewerRelations } from './relations.ts';
import { toWire } from './tombstone.ts';

/**
 * One pull page: candidate rows after the checkpoint in seq order, each sent in full or as a
 * tombstone. The checkpoint is the last row's seq (a server number, never a device clock).
 */
export function pull(
  repo: Repository,
  viewer: Viewer,
  collection: CollectionName,
  checkpoint: Checkpoint | null,
  batchSize: number,
  rel: ViewerRelations = loadRelations(repo, viewer),
): PullResponse<Doc> {
  const rows = repo.page(collection, candidateScope(viewer, rel, collection), checkpoint?.seq ?? 0, batchSize);
  const last = rows.at(-1);
  return { documents: rows.map((r) => toWire(viewer, collection, r, rel)), checkpoint: last ? { seq: last.seq } : checkpoint };
}
