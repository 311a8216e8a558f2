import { v7 as uuid } from 'uuid';
import {
  canSee, compliance, DEFAULT_MAX_CLIENTS, lastWorkout, nextSession, todayLocal,
  type Assignment, type Person, type SessionLog, type TrainingSession, type Viewer,
} from '@spotter/shared';
import type { z } from 'zod';
import type { newClientSchema } from '@spotter/shared';
import { hashNewPassword } from '../auth/passwords.ts';
import { forbidden, notFound, refused } from '../errors.ts';
import type { Repository } from '../storage/repository.ts';
import { addClientRefusal } from '../access/clients.ts';
import { clientVisible, type ViewerRelations } from '../access/relations.ts';
import { loadRelations } from '../access-io/relations.ts';

export interface ClientSummary {
  client: Person;
  assignment: Assignment | null;
  lastWorkout: string | null;
  compliancePercent: number | null;
  nextSession: TrainingSession | null;
}

const live = { field: 'deleted', op: 'eq', value: false } as const;

async function visibleSessionsAndLogs(repo: Repository, viewer: Viewer, rel: ViewerRelations, clientId: string) {
  const sessions = (await repo.find('sessions', [{ field: 'clientId', op: 'eq', value: clientId }, live]))
    .map((s) => s.doc as TrainingSession).filter((s) => canSee(viewer, 'sessions', s, rel));
  const logs = (await repo.find('logs', [{ field: 'clientId', op: 'eq', value: clientId }, live])).map((l) => l.doc as SessionLog);
  return { sessions, logs };
}

async function summary(repo: Repository, viewer: Viewer, rel: ViewerRelations, client: Person, today: string): Promise<ClientSummary> {
  const assignment = (await repo.find('assignments', [{ field: 'clientId', op: 'eq', value: client.id }, live]))
    .map((a) => a.doc as Assignment).find((a) => a.status !== 'completed') ?? null;
  const { sessions, logs } = await visibleSessionsAndLogs(repo, viewer, rel, client.id);
  return {
    client,
    assignment,
    lastWorkout: lastWorkout(logs),
    compliancePercent: compliance(sessions, logs, today).percent,
    nextSession: nextSession(sessions, logs, today),
  };
}

/** May this viewer read this client's data over REST? The same rule as sync: canSee(people). */
export async function assertClientVisible(repo: Repository, viewer: Viewer, clientId: string, relations?: ViewerRelations): Promise<Person> {
  const rel = relations ?? (await loadRelations(repo, viewer));
  const found = await repo.get('people', clientId);
  if (!clientVisible(viewer, found, rel)) throw notFound('No such client among the clients you can see.');
  return found.doc;
}

export async function listClients(repo: Repository, viewer: Viewer, today = todayLocal()): Promise<ClientSummary[]> {
  if (viewer.role === 'client') throw forbidden('Only coaches and admins list clients.');
  const rel = await loadRelations(repo, viewer);
  const people = viewer.role === 'admin'
    ? await repo.find('people', [{ field: 'role', op: 'eq', value: 'client' }, live])
    : await repo.find('people', [{ field: 'id', op: 'in', value: [...rel.clientIds] }, live]);
  const summaries: ClientSummary[] = [];
  for (const p of people) summaries.push(await summary(repo, viewer, rel, p.doc as Person, today));
  return summaries
    .sort((a, b) => `${a.client.lastName} ${a.client.firstName}`.localeCompare(`${b.client.lastName} ${b.client.firstName}`));
}

export async function getClient(repo: Repository, viewer: Viewer, clientId: string, today = todayLocal()): Promise<ClientSummary> {
  const rel = await loadRelations(repo, viewer);
  return summary(repo, viewer, rel, await assertClientVisible(repo, viewer, clientId, rel), today);
}

/**
 * A coach adds a client: the account and an active assignment, in one transaction, within the
 * coach's capacity (docs/DESIGN.md "Assignments"). 409 with the reason when the email is taken or the coach is full.
 */
export async function addClient(repo: Repository, viewer: Viewer, input: z.infer<typeof newClientSchema>): Promise<{ client: Person; assignment: Assignment }> {
  if (viewer.role !== 'coach') refuseAdd(viewer.role, false, 1, 0); // before hashing: an admin never waits for argon2
  const passwordHash = await hashNewPassword(input);
  const now = new Date().toISOString();
  const client: Person = {
    id: uuid(), role: 'client', email: input.email.toLowerCase(), firstName: input.firstName, lastName: input.lastName, units: 'kg',
    isPersonalTrainer: false, specializations: [], certifications: [], maxClients: 0, hourlyRate: null, bio: '', yearsExperience: null, updatedAt: now,
  };
  const assignment: Assignment = {
    id: uuid(), clientId: client.id, coachId: viewer.id, status: 'active', assignedBy: viewer.id,
    startDate: todayLocal(), endDate: null, notes: '', createdAt: now, updatedAt: now,
  };
  // Load → decide (access/clients.ts) → write, in one transaction.
  await repo.transaction(async () => {
    const coach = await repo.get('people', viewer.id);
    const active = (await repo.find('assignments', [{ field: 'coachId', op: 'eq', value: viewer.id }, { field: 'status', op: 'eq', value: 'active' }, live])).length;
    refuseAdd(viewer.role, !!(await repo.findUserByEmail(client.email)), Number(coach?.doc.maxClients ?? DEFAULT_MAX_CLIENTS), active);
    await repo.createUser(client, passwordHash);
    await repo.put('assignments', assignment, false);
  });
  return { client, assignment };
}

function refuseAdd(role: Viewer['role'], emailTaken: boolean, maxClients: number, activeClients: number): void {
  const refusal = addClientRefusal({ role, emailTaken, maxClients, activeClients });
  if (refusal) throw refused(refusal.status, refusal.refusal);
}
