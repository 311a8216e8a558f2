import { isDeepStrictEqual } from 'node:util';
import { collections, todayLocal, writeRefusal, type CollectionName, type ConflictDoc, type PushAnswer, type PushPatch, type PushRow, type Viewer } from '@spotter/shared';
import { badRequest, describeIssues } from '../errors.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository } from '../storage/repository.ts';
import { bumpClientDocuments, loadRelations } from './relations.ts';
import { decide, preloadExercises } from './rules.ts';
import { toWire } from './tombstone.ts';

export interface PushResult {
  /** RxDB's answer: the master state of every document not written as pushed (compact: PushPatch). */
  conflicts: PushAnswer<Doc>;
  /** Collections with new seqs, for the notifier. */
  changed: Set<CollectionName>;
  /** Clients whose documents were written, for the notifier (ChangeEvent.clientIds). */
  clientIds: Set<string>;
  /** Rows refused by the access rules (writeRefusal): logged as security events by the route. */
  denied: { id: string; reason: string }[];
}

export interface PushOptions {
  /** The server's calendar day (tests); default today. */
  today?: string;
  /** 'patch': accepted writes stored with server-set fields come back as those fields only (PushPatch). */
  answer?: 'full' | 'patch';
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
export function push(repo: Repository, viewer: Viewer, collection: CollectionName, rows: readonly PushRow[], opts: PushOptions = {}): PushResult {
  const schema = collections[collection].schema;
  const parsed = rows.map((row, i) => {
    const { _deleted, ...fields } = row.newDocumentState;
    if (_deleted !== undefined && typeof _deleted !== 'boolean') throw badRequest(`[${i}].newDocumentState._deleted: expected a boolean`);
    const result = schema.safeParse(fields);
    if (!result.success) throw badRequest(describeIssues(result.error.issues, `[${i}].newDocumentState`));
    return { doc: result.data as Doc, deleted: _deleted === true, assumed: row.assumedMasterState ?? null, sent: row.newDocumentState };
  });

  const conflicts: PushAnswer<Doc> = [];
  const changed = new Set<CollectionName>();
  const clientIds = new Set<string>();
  const denied: PushResult['denied'] = [];
  // Once per push, not per row: the calendar day (a date-fns format) and, for sessions, every
  // exercise the rows prescribe in one query instead of ~6 gets per session (bench/README.md).
  const day = opts.today ?? todayLocal();
  repo.transaction(() => {
    const rel = loadRelations(repo, viewer);
    const exercises = collection === 'sessions' ? preloadExercises(repo, parsed.map((p) => p.doc)) : undefined;
    for (const { doc, deleted, assumed, sent } of parsed) {
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
        denied.push({ id: doc.id, reason: refusal });
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
        if (decision.refusal) conflicts.push({ ...stored, _refusal: decision.refusal });
        else conflicts.push(opts.answer === 'patch' ? patchOf(sent, stored) : stored);
      }
    }
  });
  return { conflicts, changed, clientIds, denied };
}

/**
 * The fields of the stored state that differ from what the device sent (shared PushPatch); the
 * device rebuilds the stored state as `{ ...sent, ..._patch }`. In full when that could not
 * rebuild it (a field sent but not stored), which the strict schemas make impossible today.
 */
function patchOf(sent: Record<string, unknown>, stored: ConflictDoc<Doc>): ConflictDoc<Doc> | PushPatch {
  if (Object.keys(sent).some((key) => !(key in stored))) return stored;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) if (!isDeepStrictEqual(sent[key], value)) patch[key] = value;
  return { id: stored.id, _patch: patch };
}
