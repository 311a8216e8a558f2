import {
  adoptedId, exerciseSchema, refusal, sessionLogSchema, sessionSchema,
  type Assignment, type Exercise, type ImportAnswer, type ImportRequest, type Viewer,
} from '@spotter/shared';
import { importAccess, importableExercise } from '../access/imports.ts';
import { HttpError } from '../errors.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository } from '../storage/repository.ts';
import { exerciseDoc, historyDocs, importedExerciseId } from './history-docs.ts';

/**
 * POST /api/import (docs/DESIGN.md "Import"): load → decide (access/imports.ts) → write, in one
 * transaction, so a history is imported whole or not at all. Workouts an earlier import already
 * wrote are left as they are (the same ids): importing twice creates nothing new, and an edit
 * made since (a coach's correction, a client's note) is never overwritten.
 */
export async function importHistory(repo: Repository, viewer: Viewer, req: ImportRequest, now = new Date().toISOString()): Promise<ImportAnswer & { changed: boolean }> {
  return repo.transaction(async () => {
    const assignments = (await repo.find('assignments', [{ field: 'clientId', op: 'eq', value: req.clientId }, { field: 'deleted', op: 'eq', value: false }]))
      .map((s) => s.doc as Assignment);
    const access = importAccess(viewer, req.clientId, assignments);
    if (access.kind === 'refuse') throw new HttpError(access.status, access.status === 403 ? 'forbidden' : 'conflict', access.refusal.message, access.refusal.code);
    const { coachId } = access;
    const clientCoachIds = new Set(assignments.filter((a) => a.status === 'active' || a.status === 'paused').map((a) => a.coachId));

    // Every exercise of the request resolved to an id; new ones are made for the coach's library.
    const ids: string[] = [];
    const kinds = new Map<string, Pick<Exercise, 'type' | 'pattern'>>();
    const newExercises = new Map<string, Exercise>();
    for (const e of req.exercises) {
      if (e.kind === 'library') {
        const found = await repo.get('exercises', e.exerciseId);
        const doc = (found?.doc ?? null) as Exercise | null;
        if (!importableExercise(doc, found?.deleted ?? true, clientCoachIds)) throw new HttpError(400, 'bad_request', refusal('import_exercise_hidden', { id: e.exerciseId }).message, 'import_exercise_hidden');
        ids.push(e.exerciseId);
        kinds.set(e.exerciseId, doc!);
        continue;
      }
      const id = e.kind === 'catalogue' ? adoptedId(coachId, e.catalogueId) : importedExerciseId(coachId, e.name);
      ids.push(id);
      kinds.set(id, e);
      if (newExercises.has(id)) continue;
      const found = await repo.get('exercises', id);
      // The coach adopted this entry (or an earlier import made it): use theirs as it is now.
      if (found && !found.deleted) kinds.set(id, found.doc as Exercise);
      else newExercises.set(id, exerciseSchema.parse(exerciseDoc(e, id, coachId, now)));
    }

    const docs = historyDocs(req, coachId, ids, kinds, now);
    const fresh: number[] = [];
    for (const [i, s] of docs.sessions.entries()) if (!(await repo.get('sessions', s.id))) fresh.push(i);
    // Parsed like a push (the server is the authority): one bad document refuses the whole import.
    const sessions = fresh.map((i) => ({ doc: sessionSchema.parse(docs.sessions[i]) as Doc, deleted: false }));
    const logs = fresh.map((i) => ({ doc: sessionLogSchema.parse(docs.logs[i]) as Doc, deleted: false }));
    if (newExercises.size) await repo.putMany('exercises', [...newExercises.values()].map((doc) => ({ doc: doc as Doc, deleted: false })));
    if (sessions.length) {
      await repo.putMany('sessions', sessions);
      await repo.putMany('logs', logs);
    }
    const sets = fresh.reduce((n, i) => n + Object.values(docs.logs[i]!.entries).reduce((m, e) => m + Object.keys(e.sets ?? {}).length, 0), 0);
    return {
      created: fresh.length, existing: docs.sessions.length - fresh.length, sets, exercisesCreated: newExercises.size,
      changed: fresh.length > 0 || newExercises.size > 0,
    };
  });
}
