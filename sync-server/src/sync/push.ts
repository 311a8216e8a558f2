import { isDeepStrictEqual } from 'node:util';
import { collections, todayLocal, writeRefusal, type CollectionName, type ConflictDoc, type PushRow, type Viewer } from '@spotter/shared';
import { badRequest, describeIssues } from '../errors.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository } from '../storage/repository.ts';
import { bumpClientDocuments, loadRelations } from './relations.ts';
import { decide, preloadExercises } from './rules.ts';
import { toWire } from './tombstone.ts';

export interface PushResult {
  /** RxDB's answer: the master state of every document not written as pushed. */
  conflicts: ConflictDoc<Doc>[];
  /** Collections with new seqs, for the notifier. */
  changed: Set<CollectionName>;
  /** Clients whose documents were written, for the notifier (ChangeEvent.clientIds). */
  clientIds: Set<string>;
}

/** SQLite (and PostgreSQL) constraint errors: the database refused the row. */
const isConstraintError = (e: unknown) => typeof (e as { code?: unknown })?.code === 'string' && /CONSTRAINT/.test((e as { code: string }).code);

/**
 * Applies one RxDB push (DESIGN.md "Sync"; rule 3: the server is the authority):
 *  1. parse every newDocumentState with the collection's zod schema — one bad row fails the
 *     whole request with a 400 before anything is written;
 *  2. in ONE transaction, per row: an identical current state is a no-op (RxDB retries
 *     pushes, so a repeat must change nothing); a stale assumed state is a conflict answered
 *     with the current state; a refused write is answered with the current state and the
 *     reason; otherwise the (possibly server-adjusted) document is written with a new seq.
 */
export function push(repo: Repository, viewer: Viewer, collection: CollectionName, rows: readonly PushRow[], today?: string): PushResult {
  const schema = collections[collection].schema;
  const parsed = rows.map((row, i) => {
    const { _deleted, ...fields } = row.newDocumentState;
    if (_deleted !== undefined && typeof _deleted !== 'boolean') throw badRequest(`[${i}].newDocumentState._deleted: expected a boolean`);
    const result = schema.safeParse(fields);
    if (!result.success) throw badRequest(describeIssues(result.error.issues, `[${i}].newDocumentState`));
    return { doc: result.data as Doc, deleted: _deleted === true, assumed: row.assumedMasterState ?? null };
  });

  const conflicts: ConflictDoc<Doc>[] = [];
  const changed = new Set<CollectionName>();
  const clientIds = new Set<string>();
  // Once per push, not per row: the calendar day (a date-fns format) and, for sessions, every
  // exercise the rows prescribe in one query instead of ~6 gets per session (bench/README.md).
  const day = today ?? todayLocal();
  repo.transaction(() => {
    const rel = loadRelations(repo, viewer);
    const exercises = collection === 'sessions' ? preloadExercises(repo, parsed.map((p) => p.doc)) : undefined;
    for (const { doc, deleted, assumed } of parsed) {
      const current = repo.get(collection, doc.id);
      const pushed = { ...doc, _deleted: deleted };
      if (current && isDeepStrictEqual({ ...current.doc, _deleted: current.deleted }, pushed)) continue;
      // Compare with what this viewer was shown (a tombstone for what it may not see).
      const shown = current ? toWire(viewer, collection, current, rel) : null;
      if (shown && !isDeepStrictEqual(assumed, shown)) {
        conflicts.push(shown);
        continue;
      }
      const refuse = (reason: string) =>
        conflicts.push(shown ? { ...shown, _refusal: reason } : { ...pushed, _deleted: true, _refusal: reason });
      const refusal = writeRefusal(viewer, collection, current?.doc ?? null, doc, rel);
      if (refusal) {
        refuse(refusal);
        continue;
      }
      const decision = decide({ repo, viewer, rel, today: day, exercises }, collection, current, doc, deleted);
      if (decision.kind === 'refuse') {
        refuse(decision.reason);
        continue;
      }
      const write = () => {
        // Side effects of the write (plan activation: archive the old plan, schedule sessions).
        if (decision.kind === 'write') for (const c of decision.effects?.() ?? []) changed.add(c);
        repo.put(collection, decision.doc, deleted);
        changed.add(collection);
        // Side effects (plan scheduling, assignment bumps) only touch this same client.
        if (typeof decision.doc.clientId === 'string') clientIds.add(decision.doc.clientId);
        if (collection === 'assignments') {
          for (const c of bumpClientDocuments(repo, String(doc.clientId), [String(doc.coachId)])) changed.add(c);
        }
      };
      try {
        // A constraint error (one active plan per assignment, a dangling reference) refuses
        // this row alone instead of failing the whole push with a 500. A write with side
        // effects needs a savepoint for that; a plain put does not when the store backs out a
        // failed statement alone and keeps the transaction going (SQLite: the seq it took is
        // a gap, and seqs may have gaps). The savepoint cost a fifth of a push of sessions.
        const multiStatement = (decision.kind === 'write' && decision.effects !== undefined) || collection === 'assignments';
        if (multiStatement || !repo.failedStatementKeepsTransaction) repo.transaction(write);
        else write();
      } catch (e) {
        if (!isConstraintError(e)) throw e;
        refuse(
          String((e as { code: string }).code).includes('FOREIGNKEY')
            ? 'This refers to something that does not exist.'
            : 'This conflicts with another document (for example a second active plan or trainer).',
        );
        continue;
      }
      // The server stored something else than pushed (a submit answered): tell the device.
      if (!isDeepStrictEqual(decision.doc, doc)) {
        const stored = { ...decision.doc, _deleted: deleted };
        conflicts.push(decision.refusal ? { ...stored, _refusal: decision.refusal } : stored);
      }
    }
  });
  return { conflicts, changed, clientIds };
}
