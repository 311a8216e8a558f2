import { isDeepStrictEqual } from 'node:util';
import { canSee, collections, refusal, todayLocal, type CollectionName, type Refusal, type RefusalCode, type ConflictDoc, type PushAnswer, type PushPatch, type PushRow, type Viewer } from '@spotter/shared';
import { badRequest, describeIssues } from '../errors.ts';
import { looksLikeProbing } from '../security-log.ts';
import { ConstraintViolation } from '../storage/errors.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository } from '../storage/repository.ts';
import { decideWrite } from '../access/write-rules.ts';
import { applyEffects } from '../access-io/apply.ts';
import { loadFacts, preloadExercises, preloadSessions } from '../access-io/facts.ts';
import { loadRelations } from '../access-io/relations.ts';
import { CurrentStates, PendingWrites, readsAfter } from './push-batch.ts';
import { isEchoedTombstone, toWire } from './tombstone.ts';

export interface PushResult {
  /** RxDB's answer: the master state of every document not written as pushed (compact: PushPatch). */
  conflicts: PushAnswer<Doc>;
  /** Collections with new seqs, for the notifier. */
  changed: Set<CollectionName>;
  /** Clients whose documents were written, for the notifier (ChangeEvent.clientIds). */
  clientIds: Set<string>;
  /** Rows refused as outside what the viewer may change (security-log.ts): logged by the route. */
  denied: { id: string; code: RefusalCode }[];
  /** The accepted writes with the state each replaced, for the notices they send once committed (push/). */
  written: { before: { doc: Doc; deleted: boolean } | null; doc: Doc; deleted: boolean }[];
}

export interface PushOptions {
  /** The server's calendar day (tests); default today. */
  today?: string;
  /** 'patch': accepted writes stored with server-set fields come back as those fields only (PushPatch). */
  answer?: 'full' | 'patch';
}

/**
 * Applies one RxDB push (docs/DESIGN.md "The server is the authority"):
 *  1. parse every newDocumentState with the collection's zod schema — one bad row fails the
 *     whole request with a 400 before anything is written;
 *  2. in ONE transaction, per row: an identical current state is a no-op (RxDB retries
 *     pushes, so a repeat must change nothing); a stale assumed state is a conflict answered
 *     with the current state; a refused write is answered with the current state and the
 *     reason; otherwise the (possibly server-adjusted) document is written with a new seq.
 *     Reads and plain writes are batched (push-batch.ts) with the same outcome per row.
 */
export async function push(repo: Repository, viewer: Viewer, collection: CollectionName, rows: readonly PushRow[], opts: PushOptions = {}): Promise<PushResult> {
  const schema = collections[collection].schema;
  // Both states by the same schema: the assumed one is compared with the stored state, and
  // garbage there must be a 400 like garbage in the new one, not a silent conflict.
  const parse = (state: Record<string, unknown>, where: string) => {
    const { _deleted, ...fields } = state;
    if (_deleted !== undefined && typeof _deleted !== 'boolean') throw badRequest(`${where}._deleted: expected a boolean`);
    const result = schema.safeParse(fields);
    if (!result.success) throw badRequest(describeIssues(result.error.issues, where));
    return { doc: result.data as Doc, deleted: _deleted === true };
  };
  const parsed = rows.map((row, i) => {
    if (row.assumedMasterState) parse(row.assumedMasterState, `[${i}].assumedMasterState`);
    return { ...parse(row.newDocumentState, `[${i}].newDocumentState`), assumed: row.assumedMasterState ?? null, sent: row.newDocumentState };
  });

  // One answer slot per row, so the answer keeps the rows' order whenever a batched write lands.
  const answers: (PushAnswer<Doc>[number] | undefined)[] = [];
  const changed = new Set<CollectionName>();
  const clientIds = new Set<string>();
  const denied: PushResult['denied'] = [];
  const accepted: PushResult['written'] = [];
  // Once per push, not per row: the calendar day and instant (a date-fns format) and, for sessions, every
  // exercise the rows prescribe in one query instead of ~6 gets per session (bench/README.md);
  // for logs, their sessions; the rows' current states (push-batch.ts).
  const day = opts.today ?? todayLocal();
  const now = new Date().toISOString();
  await repo.transaction(async () => {
    const rel = await loadRelations(repo, viewer);
    const docs = parsed.map((p) => p.doc);
    const exercises = collection === 'sessions' ? await preloadExercises(repo, docs) : undefined;
    const sessions = collection === 'logs' ? await preloadSessions(repo, docs) : undefined;
    const currents = new CurrentStates(repo, collection, docs.map((d) => d.id));
    const pending = new PendingWrites(repo, collection);
    const reads = readsAfter(repo, pending);
    for (const [i, { doc, deleted, assumed, sent }] of parsed.entries()) {
      const answer = (a: PushAnswer<Doc>[number]) => (answers[i] = a);
      // A second write of one document in one push sees the first.
      if (pending.has(doc.id)) {
        await pending.flush();
        currents.forget();
      }
      const current = await currents.of(i);
      const pushed = { ...doc, _deleted: deleted };
      // Someone else's document (or no longer this viewer's): "not found", answered with the
      // pushed state deleted, so not even whose it is leaks (nor, by a silent no-op, that a
      // guess of its content was right). The device keeps what it sent as a refused change.
      // A device that was sent this document's tombstone by a pull knew those ids: pushing that
      // tombstone back, or assuming it, is answered as before.
      if (current && !canSee(viewer, collection, current.doc, rel) && !isEchoedTombstone(collection, current, pushed) && !isDeepStrictEqual(assumed, toWire(viewer, collection, current, rel))) {
        const r = refusal('not_found');
        answer({ ...pushed, _deleted: true, _refusal: r.message, _refusalCode: r.code });
        continue;
      }
      if (current && isDeepStrictEqual({ ...current.doc, _deleted: current.deleted }, pushed)) continue;
      // Compare with what this viewer was shown.
      const shown = current ? toWire(viewer, collection, current, rel) : null;
      // A stale assumed state, or a tombstone this viewer was sent pushed back as a deletion:
      // answered with what the viewer may see.
      if (shown && (!isDeepStrictEqual(assumed, shown) || isEchoedTombstone(collection, current!, pushed))) {
        answer(shown);
        continue;
      }
      const refuse = (r: Refusal) => answer({ ...(shown ?? { ...pushed, _deleted: true }), _refusal: r.message, _refusalCode: r.code });
      const refuseConstraint = (e: ConstraintViolation) => refuse(refusal(e.kind === 'foreign_key' ? 'reference_missing' : 'conflicts_with_other'));
      // Load → decide (access/, pure) → write.
      const req = { viewer, rel, collection, current, next: doc, deleted };
      const decision = decideWrite(req, await loadFacts(reads, req, { today: day, now, exercises, sessions }));
      if (decision.kind === 'refuse') {
        refuse(decision.refusal);
        if (looksLikeProbing(decision.refusal.code)) denied.push({ id: doc.id, code: decision.refusal.code });
        continue;
      }
      const written = () => {
        accepted.push({ before: current && { doc: current.doc, deleted: current.deleted }, doc: decision.doc, deleted });
        changed.add(collection);
        // Side effects (plan scheduling, assignment bumps) only touch this same client.
        if (typeof decision.doc.clientId === 'string') clientIds.add(decision.doc.clientId);
        // The server stored something else than pushed (a submit answered): tell the device.
        if (!isDeepStrictEqual(decision.doc, doc)) {
          const stored = { ...decision.doc, _deleted: deleted };
          if (decision.refusal) answer({ ...stored, _refusal: decision.refusal.message, _refusalCode: decision.refusal.code });
          else answer(opts.answer === 'patch' ? patchOf(sent, stored) : stored);
        }
      };
      if (!decision.before?.length && !decision.after?.length) {
        pending.add({ doc: decision.doc, deleted, written, refused: refuseConstraint });
        continue;
      }
      // Side effects (plan activation: archive the old plan, schedule sessions; an assignment:
      // every document of its client re-evaluated) are written at once, with the write, in one
      // savepoint: a constraint error refuses this row alone instead of failing the push.
      await pending.flush();
      try {
        await repo.transaction(async () => {
          for (const c of await applyEffects(repo, decision.before)) changed.add(c);
          await repo.put(collection, decision.doc, deleted);
          for (const c of await applyEffects(repo, decision.after)) changed.add(c);
        });
        written();
      } catch (e) {
        if (!(e instanceof ConstraintViolation)) throw e;
        refuseConstraint(e);
      }
      currents.forget();
    }
    await pending.flush();
  });
  const conflicts = answers.filter((a) => a !== undefined);
  return { conflicts, changed, clientIds, denied, written: accepted };
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
