import type { FastifyBaseLogger } from 'fastify';
import { collectionNames, DELETION_UNDO_MS, type CollectionName, type DeletionStatus, type Person, type Role, type Viewer } from '@spotter/shared';
import { cancelRefusal, deletionRefusal, fateOf, type DeletionFacts, type DeletionRefusal } from '../access/deletion.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { badRequest, HttpError } from '../errors.ts';
import { securityEvent } from '../security-log.ts';
import type { JobRow } from '../storage/job-store.ts';
import type { Filter, Repository, Stored } from '../storage/repository.ts';
import { tombstone } from '../sync/tombstone.ts';
import { limit, type AccountDeps } from './deps.ts';
import { keyed } from './limits.ts';

/**
 * Deleting an account (docs/DESIGN.md "Deleting an account"). Asking writes a scheduler job
 * (`deletion:<id>`, due after the undo window); cancelling deletes it; the scheduler runs it
 * (scheduler.ts → eraseAccount), which erases everything in one transaction. The job row is
 * the only record of a waiting deletion, so it survives restarts and every instance sees it.
 */

export const deletionJobId = (userId: string) => `deletion:${userId}`;

interface JobState { byAdmin: boolean; requestedBy: string; requestedAt: string }

const clock = (d: AccountDeps) => d.now?.() ?? new Date();

async function pendingJob(repo: Repository, userId: string): Promise<(JobRow & { state: JobState }) | null> {
  const job = (await repo.jobsOfKind('accountDeletion')).find((j) => j.id === deletionJobId(userId));
  return (job as (JobRow & { state: JobState }) | undefined) ?? null;
}

const statusOf = (job: (JobRow & { state: JobState }) | null): DeletionStatus => ({
  pending: job ? { dueAt: new Date(job.dueAt).toISOString(), requestedAt: job.state.requestedAt, byAdmin: job.state.byAdmin } : null,
});

async function targetOf(repo: Repository, id: string): Promise<{ id: string; role: Role } | null> {
  const row = await repo.get('people', id);
  return row && !row.deleted ? { id, role: (row.doc as Person).role } : null;
}

const fail = (r: DeletionRefusal) => new HttpError(r.status, r.status === 403 ? 'forbidden' : r.status === 404 ? 'not_found' : 'conflict', r.refusal.message, r.refusal.code);

/**
 * The asker's own password, like every change that cannot be taken back from a device left
 * signed in. Wrong answers are counted per account (400, never 401: 401 means "token expired").
 */
async function checkPassword(d: AccountDeps, log: FastifyBaseLogger, asker: Viewer, password: string, ip: string): Promise<void> {
  const limits = keyed(`current-password:${asker.id}`, d.limits.currentPasswordPerAccount);
  await limit(d, limits, 'wrong passwords');
  if (!(await verifyPassword((await d.repo.passwordHashOf(asker.id)) ?? '', password))) {
    securityEvent(log, 'current_password_wrong', { userId: asker.id, ip, for: 'account_deletion' });
    throw badRequest('Your password is not right.');
  }
  await d.repo.releaseAttempt(limits, Date.now());
}

/** Asks for a deletion (`targetId` null: the asker's own account). Answers the waiting deletion. */
export async function requestDeletion(d: AccountDeps, log: FastifyBaseLogger, asker: Viewer, targetId: string | null, password: string, ip: string): Promise<DeletionStatus> {
  const self = targetId === null;
  const id = targetId ?? asker.id;
  // The rule first (without the pending fact), so nobody learns anything by guessing a password.
  const early = deletionRefusal({ asker, target: await targetOf(d.repo, id), self, pending: null });
  if (early) throw fail(early);
  await checkPassword(d, log, asker, password, ip);
  const now = clock(d);
  const job = await d.repo.transaction(async () => {
    // Again inside the transaction: a parallel request or a replay meets the first one's job.
    const waiting = await pendingJob(d.repo, id);
    const facts: DeletionFacts = { asker, target: await targetOf(d.repo, id), self, pending: waiting ? { byAdmin: waiting.state.byAdmin } : null };
    const refused = deletionRefusal(facts);
    if (refused) throw fail(refused);
    const state: JobState = { byAdmin: !self, requestedBy: asker.id, requestedAt: now.toISOString() };
    await d.repo.planJob({ id: deletionJobId(id), kind: 'accountDeletion', refId: id, personId: id, planKey: now.toISOString(), dueAt: now.getTime() + (d.deletionUndoMs ?? DELETION_UNDO_MS), state: state as never }, null);
    return pendingJob(d.repo, id);
  });
  securityEvent(log, 'account_deletion_requested', { userId: id, by: asker.id, ip, dueAt: job ? new Date(job.dueAt).toISOString() : null });
  return statusOf(job);
}

/** The deletion waiting for this account, if any (the person's own, or an admin asking about anyone). */
export async function deletionStatus(d: AccountDeps, asker: Viewer, targetId: string | null): Promise<DeletionStatus> {
  if (targetId !== null && asker.role !== 'admin') throw fail(deletionRefusal({ asker, target: null, self: false, pending: null })!);
  return statusOf(await pendingJob(d.repo, targetId ?? asker.id));
}

/** Cancels a waiting deletion: nothing was changed yet, so nothing needs putting back. */
export async function cancelDeletion(d: AccountDeps, log: FastifyBaseLogger, asker: Viewer, targetId: string | null, ip: string): Promise<DeletionStatus> {
  const id = targetId ?? asker.id;
  await d.repo.transaction(async () => {
    const job = await pendingJob(d.repo, id);
    const refused = cancelRefusal({ asker, target: await targetOf(d.repo, id), self: targetId === null, pending: job ? { byAdmin: job.state.byAdmin } : null });
    if (refused) throw fail(refused);
    await d.repo.deleteJob(deletionJobId(id));
  });
  securityEvent(log, 'account_deletion_cancelled', { userId: id, by: asker.id, ip });
  return { pending: null };
}

/** Signing in with one's password cancels one's own waiting deletion (never an admin's). True when it did. */
export async function cancelOnSignIn(d: AccountDeps, log: FastifyBaseLogger, userId: string, ip: string): Promise<boolean> {
  const cancelled = await d.repo.transaction(async () => {
    const job = await pendingJob(d.repo, userId);
    if (!job || job.state.byAdmin) return false;
    await d.repo.deleteJob(job.id);
    return true;
  });
  if (cancelled) securityEvent(log, 'account_deletion_cancelled', { userId, by: userId, ip, on: 'sign_in' });
  return cancelled;
}

/** The rows that may name the person, per collection (an OR of single-field filters, each its own query). */
function relatedFilters(collection: CollectionName, id: string): Filter[] {
  const eq = (field: string): Filter => ({ field, op: 'eq', value: id });
  switch (collection) {
    case 'people': return [eq('id')];
    case 'assignments': return [eq('clientId'), eq('coachId')];
    case 'exercises': return [];
    case 'reminders': return [eq('authorId'), eq('clientId')];
    case 'messages': return [eq('clientId'), eq('coachId'), eq('authorId')];
    default: return [eq('clientId'), eq('coachId')];
  }
}

const stored = (doc: Record<string, unknown>) => {
  const { _deleted, ...rest } = doc;
  return rest as Stored['doc'];
};

/**
 * Carries out a due deletion, in one transaction: the person's documents erased (blank
 * tombstones with new seqs, so every device that held them drops them at its next pull), a
 * deleted trainer's assignments ended, the person's sign-ins, push subscriptions, links,
 * invitations, media records and jobs removed. Nothing happens when the deletion was
 * cancelled meanwhile (its job is gone). Answers what changed, for the stream notice.
 */
export async function eraseAccount(d: AccountDeps, log: FastifyBaseLogger, userId: string): Promise<{ collections: CollectionName[]; endedFamilies: string[] } | null> {
  const now = clock(d);
  const at = now.toISOString();
  const done = await d.repo.transaction(async () => {
    const job = await pendingJob(d.repo, userId);
    if (!job) return null;
    const person = await d.repo.get('people', userId);
    if (!person || person.deleted) {
      await d.repo.deleteJob(job.id);
      return null;
    }
    const gone = { id: userId, role: (person.doc as Person).role };
    const changed = new Set<CollectionName>();
    for (const collection of collectionNames) {
      const seen = new Set<string>();
      for (const filter of relatedFilters(collection, userId)) {
        for (const row of await d.repo.find(collection, [filter])) {
          if (seen.has(row.doc.id)) continue;
          seen.add(row.doc.id);
          const fate = fateOf(gone, collection, row.doc);
          if (fate === 'keep') continue;
          if (fate === 'end') {
            await d.repo.put(collection, { ...row.doc, status: 'completed', endDate: at.slice(0, 10), updatedAt: at }, false);
          } else {
            const blank = stored(tombstone(collection, row.doc) as Record<string, unknown>);
            // The email is unique among accounts: each erased person gets one of their own that no mail reaches.
            if (collection === 'people') Object.assign(blank, { email: `deleted.${userId}@deleted.invalid` });
            await d.repo.put(collection, { ...blank, updatedAt: at }, true);
          }
          changed.add(collection);
        }
      }
    }
    // No password verifies against an empty hash (argon2 refuses it).
    await d.repo.setPasswordHash(userId, '');
    const rows = await d.repo.eraseAccountRows(userId, (person.doc as Person).email, at);
    return { collections: [...changed], endedFamilies: rows.endedFamilies, mediaIds: rows.mediaIds, role: gone.role, requestedBy: job.state.requestedBy };
  });
  if (!done) return null;
  // After the commit: a file whose bytes went first would be missing for a rolled-back deletion.
  // One that fails to go is only bytes nobody can fetch any more (no record serves it).
  for (const id of done.mediaIds) await d.mediaFiles?.delete(id).catch((e: unknown) => log.error({ err: e, media: id }, 'deletion: a file was not removed'));
  d.notifier.publish({ collections: done.collections, endedFamilies: done.endedFamilies });
  securityEvent(log, 'account_deleted', { userId, role: done.role, requestedBy: done.requestedBy, endedSessions: done.endedFamilies.length });
  return { collections: done.collections, endedFamilies: done.endedFamilies };
}
