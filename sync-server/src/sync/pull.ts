import { addDaysTo, RECENT_FIRST_DAYS, todayLocal, type Checkpoint, type CollectionName, type PullResponse, type RecentFirstCollection, type Viewer } from '@spotter/shared';
import type { Doc } from '../storage/mappers.ts';
import type { DateWindow, Repository, Stored } from '../storage/repository.ts';
import { candidateScope, type ViewerRelations } from '../access/relations.ts';
import { loadRelations } from '../access-io/relations.ts';
import { toWire } from './tombstone.ts';

/**
 * What dates the rows of each shared `recentFirstCollections` for a first pull: what the coach
 * dashboard reads (sessions due in its window and later, their logs, recent messages) comes
 * first. The other collections are small and all needed at once: plain seq order.
 */
const recentFirst: Record<RecentFirstCollection, DateWindow['dated']> = {
  sessions: { field: 'dueDate' },
  logs: { parent: 'sessions', key: 'sessionId', field: 'dueDate' },
  messages: { field: 'createdAt' },
};

type Phased = Checkpoint & { phase: NonNullable<Checkpoint['phase']>; after: number; upTo: number; since: string };
/** Plain seq order after the phases; the phase keys nulled, since RxDB never drops a key. */
const afterPhases = (seq: number): Checkpoint => ({ seq, phase: null, after: null, upTo: null, since: null });

/**
 * One pull page: candidate rows in seq order, each sent in full or as a tombstone — the same
 * scope and visibility in every phase. The checkpoint is a server number, never a device
 * clock: the last row's seq; for a first pull (checkpoint null) of the shared
 * `recentFirstCollections`, phases (shared sync.ts `checkpointSchema`):
 *  1. `recent`: the rows dated in the window (since = the server's today − RECENT_FIRST_DAYS)
 *     with seq ≤ upTo (the server's last seq when the first pull began), in seq order;
 *  2. `history`: the other rows with seq ≤ upTo, in seq order (DateWindow: a log whose
 *     session moved into the window meanwhile comes here, never falls between);
 *  3. then plain `{ seq: upTo }` onward: everything written since the first pull began (a row
 *     changed meanwhile comes again there: harmless).
 * A page runs on into the next phase rather than end short: RxDB takes a short page for the
 * end of the sync, and the first sync would be "done" before its history.
 */
export async function pull(
  repo: Repository,
  viewer: Viewer,
  collection: CollectionName,
  checkpoint: Checkpoint | null,
  batchSize: number,
  relations?: ViewerRelations,
  today: string = todayLocal(),
): Promise<PullResponse<Doc>> {
  let rel = relations ?? (await loadRelations(repo, viewer));
  // Relations older than the page are not enough: an assignment committed between the two
  // (an admin moving a client to this coach) gives the client's rows new seqs, which the old
  // relations leave out of scope while a later row of the viewer's own moves the checkpoint
  // past them — for good (test/pull-relations-race.test.ts). Read again after the page: if
  // they changed, the page is made again with the new ones. Admins' scopes need none.
  for (;;) {
    const page = await pageOf(repo, viewer, collection, checkpoint, batchSize, rel, today);
    if (viewer.role === 'admin') return page;
    const now = await loadRelations(repo, viewer);
    if (now.stamp === rel.stamp) return page;
    rel = now;
  }
}

async function pageOf(
  repo: Repository,
  viewer: Viewer,
  collection: CollectionName,
  checkpoint: Checkpoint | null,
  batchSize: number,
  rel: ViewerRelations,
  today: string,
): Promise<PullResponse<Doc>> {
  const scope = candidateScope(viewer, rel, collection);
  const dated = collection in recentFirst ? recentFirst[collection as RecentFirstCollection] : undefined;
  const wire = (rows: Stored[]) => rows.map((r) => toWire(viewer, collection, r, rel));
  if (!dated || (checkpoint && checkpoint.phase == null)) {
    const rows = await repo.page(collection, scope, checkpoint?.seq ?? 0, batchSize);
    const last = rows.at(-1);
    return { documents: wire(rows), checkpoint: last ? { seq: last.seq } : checkpoint };
  }
  let at: Checkpoint = checkpoint ?? { seq: 0, phase: 'recent', after: 0, upTo: await repo.maxSeq(), since: addDaysTo(today, -RECENT_FIRST_DAYS) };
  const rows: Stored[] = [];
  while (at.phase != null && rows.length < batchSize) {
    const phased = at as Phased;
    const got = await repo.page(collection, scope, phased.after, batchSize - rows.length, { side: phased.phase, since: phased.since, upTo: phased.upTo, dated });
    rows.push(...got);
    if (got.length) at = { ...phased, after: got.at(-1)!.seq };
    if (rows.length < batchSize) at = phased.phase === 'recent' ? { ...phased, phase: 'history', after: 0 } : afterPhases(phased.upTo);
  }
  if (at.phase == null && rows.length < batchSize) {
    const got = await repo.page(collection, scope, at.seq, batchSize - rows.length);
    rows.push(...got);
    if (got.length) at = { ...at, seq: got.at(-1)!.seq };
  }
  return { documents: wire(rows), checkpoint: at };
}
