import { sessionLogId, type Assignment, type Person, type Reminder, type SessionLog, type TrainingSession } from '@spotter/shared';
import type { Filter, Repository } from '../storage/repository.ts';

/** The documents the planner and the jobs read, loaded through the Repository (no SQL here). */

export const live: Filter = { field: 'deleted', op: 'eq', value: false };

/** A person's IANA time zone: the one their device wrote with their preferences, else UTC. */
export const timeZoneOf = (p: Person | null | undefined): string => p?.notifications?.timeZone ?? 'UTC';

export async function person(repo: Repository, id: string): Promise<Person | null> {
  const found = await repo.get('people', id);
  return found && !found.deleted ? (found.doc as Person) : null;
}

export const firstName = (p: Person | null): string => p?.firstName.trim() || 'Your client';

/** The coach a client trains with now (their active assignment), or null. */
export async function activeCoachOf(repo: Repository, clientId: string): Promise<string | null> {
  const rows = await repo.find('assignments', [{ field: 'clientId', op: 'eq', value: clientId }, live]);
  return rows.map((r) => r.doc as Assignment).find((a) => a.status === 'active')?.coachId ?? null;
}

/** Every active coach–client pair. */
export async function activeAssignments(repo: Repository): Promise<Assignment[]> {
  return (await repo.find('assignments', [{ field: 'status', op: 'eq', value: 'active' }, live])).map((r) => r.doc as Assignment);
}

export async function liveReminders(repo: Repository): Promise<Reminder[]> {
  return (await repo.find('reminders', [live])).map((r) => r.doc as Reminder);
}

/**
 * Published sessions of these clients due in [from, to] (calendar days): one range of the
 * sessions' (client, due date) index per client, never a scan of every session.
 */
export async function publishedSessions(repo: Repository, from: string, to: string, clientIds: string | readonly string[]): Promise<TrainingSession[]> {
  const ids = typeof clientIds === 'string' ? [clientIds] : [...clientIds];
  if (!ids.length) return [];
  const filters: Filter[] = [
    { field: 'status', op: 'eq', value: 'published' },
    { field: 'dueDate', op: 'gte', value: from },
    { field: 'dueDate', op: 'lte', value: to },
    live,
  ];
  filters.unshift({ field: 'clientId', op: 'in', value: ids });
  return (await repo.find('sessions', filters)).map((r) => r.doc as TrainingSession);
}

export async function logsOf(repo: Repository, clientId: string): Promise<SessionLog[]> {
  return (await repo.find('logs', [{ field: 'clientId', op: 'eq', value: clientId }, live])).map((r) => r.doc as SessionLog);
}

export async function logOf(repo: Repository, sessionId: string): Promise<SessionLog | null> {
  const found = await repo.get('logs', sessionLogId(sessionId));
  return found && !found.deleted ? (found.doc as SessionLog) : null;
}
