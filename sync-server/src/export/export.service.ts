import {
  canSee, exportNote, EXPORT_VERSION, type CollectionName, type ExportHeader, type ExportKind, type ExportSource, type Viewer,
} from '@spotter/shared';
import { candidateScope, perClient, type ViewerRelations } from '../access/relations.ts';
import { loadRelations } from '../access-io/relations.ts';
import { assertClientVisible } from '../rest/clients.service.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository, Scope } from '../storage/repository.ts';

/** Rows read per query: an export of years of training is read a page at a time, never whole. */
export const EXPORT_PAGE = 500;

/** Who exports, what they may see (their relations), and the one client they narrowed it to. */
export interface ExportScope {
  viewer: Viewer;
  rel: ViewerRelations;
  /** Null: everything the person may see. */
  clientId: string | null;
}

/**
 * The scope of an export. A named client must be one the person may see as a client (the REST
 * reads' rule, access/relations.ts `clientVisible`): another coach's client, another client, a
 * coach's own id or an unknown id are all "no such client" (404), so ids of strangers are not
 * confirmed. A client naming themselves exports what they would anyway.
 */
export async function exportScope(repo: Repository, viewer: Viewer, clientId: string | undefined): Promise<ExportScope> {
  const rel = await loadRelations(repo, viewer);
  if (clientId === undefined || (viewer.role === 'client' && clientId === viewer.id)) return { viewer, rel, clientId: null };
  await assertClientVisible(repo, viewer, clientId, rel);
  return { viewer, rel, clientId };
}

export function exportHeader(scope: ExportScope, source: ExportSource = 'server', now = new Date()): ExportHeader {
  return {
    format: 'spotter-export', version: EXPORT_VERSION, source, exportedAt: now.toISOString(),
    person: { id: scope.viewer.id, role: scope.viewer.role }, clientId: scope.clientId, note: exportNote(source),
  };
}

/** The rows a narrowed export reads: the pull's candidate scope, cut down to the one client. */
function scopeOf(s: ExportScope, collection: CollectionName): Scope {
  const base = candidateScope(s.viewer, s.rel, collection);
  if (!s.clientId) return base;
  if (perClient.includes(collection) || collection === 'assignments' || collection === 'reminders') {
    return base === 'all' || base.length ? [{ field: 'clientId', values: [s.clientId] }] : [];
  }
  return base;
}

/**
 * The narrowing as a rule on each document, applied after canSee: the scope above only saves
 * reading rows; what leaves the server is decided here and by canSee, never by the query.
 */
function inNarrowing(s: ExportScope, collection: CollectionName, d: Record<string, unknown>): boolean {
  if (!s.clientId) return true;
  if (collection === 'people') return d.id === s.clientId || d.id === s.viewer.id;
  if (collection === 'exercises') return true;
  return d.clientId === s.clientId;
}

/**
 * Every document of a kind the person may see (canSee, shared access.ts: the rule of the
 * pull, the stream and the REST reads), page by page in the store's order. Deleted documents
 * are left out: they are gone for the person too.
 */
export async function* visiblePages(repo: Repository, s: ExportScope, collection: ExportKind, pageSize = EXPORT_PAGE): AsyncGenerator<Doc[]> {
  const scope = scopeOf(s, collection);
  if (scope !== 'all' && scope.length === 0) return;
  let after = 0;
  for (;;) {
    const rows = await repo.page(collection, scope, after, pageSize);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.seq;
    const docs = rows.filter((r) => !r.deleted && canSee(s.viewer, collection, r.doc, s.rel) && inNarrowing(s, collection, r.doc as Record<string, unknown>)).map((r) => r.doc);
    if (docs.length) yield docs;
    if (rows.length < pageSize) return;
  }
}
