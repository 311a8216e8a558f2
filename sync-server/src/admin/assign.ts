import {
  assignmentRefusal, bulkAssignmentRefusal, todayLocal,
  type Assignment, type BulkAssignRequest, type BulkAssignResponse, type CollectionName, type Message, type Person, type Viewer,
} from '@spotter/shared';
import { v7 as uuidv7 } from 'uuid';
import { HttpError, refused } from '../errors.ts';
import type { Repository } from '../storage/repository.ts';
import { bumpClientDocuments } from '../access-io/apply.ts';


export interface AssignOptions {
  now?: Date;
  /** The server's calendar day for start and end dates. */
  today?: string;
  newId?: () => string;
}

const live = async (repo: Repository, field: 'coachId' | 'clientId', value: string) =>
  (await repo.find('assignments', [{ field, op: 'eq', value }, { field: 'deleted', op: 'eq', value: false }])).map((s) => s.doc as Assignment);

const name = (p: Person) => `${p.firstName} ${p.lastName}`.trim();

/**
 * Assigning one or several clients (docs/DESIGN.md "Admin: trainers and assignments"): every client in `clientIds` gets `coachId` as their
 * active trainer, or nothing changes (one transaction). Inside it, capacity and the
 * one-active-trainer rule are checked against the rows as they are now, so two admins
 * assigning at once are serialised by the database and the second sees the first's result.
 * A client with another active trainer is reassigned: that assignment is completed with an
 * end date and kept as history. Each newly assigned client gets a system message.
 */
export async function bulkAssign(repo: Repository, admin: Viewer, req: BulkAssignRequest, opts: AssignOptions = {}) {
  const now = (opts.now ?? new Date()).toISOString();
  const today = opts.today ?? todayLocal();
  const newId = opts.newId ?? uuidv7;
  const changed = new Set<CollectionName>(['assignments', 'messages']);

  const result = await repo.transaction(async (): Promise<BulkAssignResponse> => {
    const coachRow = await repo.get('people', req.coachId);
    const coach = coachRow && !coachRow.deleted && coachRow.doc.role === 'coach' ? (coachRow.doc as Person) : null;
    if (!coach) throw new HttpError(404, 'not_found', 'No such trainer.');
    const clients: Person[] = [];
    for (const id of req.clientIds) {
      const row = await repo.get('people', id);
      if (!row || row.deleted || row.doc.role !== 'client') throw new HttpError(404, 'not_found', `No such client: ${id}.`);
      clients.push(row.doc as Person);
    }

    const byId = new Map<string, Assignment>();
    const related = [await live(repo, 'coachId', coach.id), ...(await Promise.all(req.clientIds.map((id) => live(repo, 'clientId', id))))];
    for (const a of related.flat()) byId.set(a.id, a);
    const reason = bulkAssignmentRefusal(req.clientIds, { id: coach.id, name: name(coach), maxClients: coach.maxClients }, [...byId.values()]);
    if (reason) throw refused(409, reason);

    const assignments: Assignment[] = [];
    const ended: Assignment[] = [];
    for (const client of clients) {
      const current = [...byId.values()].find((a) => a.clientId === client.id && a.status === 'active');
      if (current?.coachId === coach.id) {
        assignments.push(current); // already this trainer's client: nothing to change
        continue;
      }
      if (current) {
        const done: Assignment = { ...current, status: 'completed', endDate: today, updatedAt: now };
        await repo.put('assignments', done, false);
        byId.set(done.id, done);
        ended.push(done);
      }
      const next: Assignment = {
        id: newId(), clientId: client.id, coachId: coach.id, status: 'active', assignedBy: admin.id,
        startDate: today, endDate: null, notes: req.notes ?? '', createdAt: now, updatedAt: now,
      };
      // The shared rule again, per row, against what this transaction has written so far.
      const refusal = assignmentRefusal(next, [...byId.values()], coach.maxClients);
      if (refusal) throw refused(409, refusal);
      await repo.put('assignments', next, false);
      byId.set(next.id, next);
      assignments.push(next);
      const message: Message = {
        id: newId(), kind: 'system', authorId: admin.id, authorRole: 'admin', coachId: coach.id, clientId: client.id,
        targetType: null, targetId: null, targetEntryId: null, rating: null, body: `You have a new trainer: ${name(coach)}.`, createdAt: now, updatedAt: now,
      };
      await repo.put('messages', message, false);
      // Visibility follows the assignment: the new trainer now sees the history, a former one
      // loses it at the next pull (docs/DESIGN.md "Who sees what").
      for (const c of await bumpClientDocuments(repo, client.id, [coach.id, ...(current ? [current.coachId] : [])])) changed.add(c);
    }
    return { assignments, ended };
  });
  return { result, changed };
}
