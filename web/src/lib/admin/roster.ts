import type { Assignment, Person } from '@spotter/shared';
import { activeClientCount } from '@spotter/shared';

/**
 * The admin's view of the roster (docs/DESIGN.md "Admin: trainers and assignments"), computed on the
 * device from the synced `people` and `assignments` collections. The server re-checks every
 * number that matters (capacity, one active trainer) inside its transaction; these are for
 * display and for disabling choices that would certainly be refused.
 */
export interface TrainerRow {
  trainer: Person;
  active: number;
  max: number;
  full: boolean;
  /** "12/15": active clients of the maximum. */
  label: string;
  clients: Person[];
}

const byName = (a: Person, b: Person) => `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`);

export const fullName = (p: Pick<Person, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`.trim();

export function trainerRows(people: readonly Person[], assignments: readonly Assignment[]): TrainerRow[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return people
    .filter((p) => p.role === 'coach')
    .sort(byName)
    .map((trainer) => {
      const active = activeClientCount(assignments, trainer.id);
      const clients = assignments
        .filter((a) => a.coachId === trainer.id && a.status === 'active')
        .map((a) => byId.get(a.clientId))
        .filter((p): p is Person => !!p)
        .sort(byName);
      return { trainer, active, max: trainer.maxClients, full: active >= trainer.maxClients, label: `${active}/${trainer.maxClients}`, clients };
    });
}

export interface ClientRow {
  client: Person;
  /** The active assignment, if any (a client has at most one). */
  assignment: Assignment | null;
  trainer: Person | null;
  /** Ended or paused assignments, newest first: reassigning keeps history. */
  history: Assignment[];
}

export function clientRows(people: readonly Person[], assignments: readonly Assignment[]): ClientRow[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return people
    .filter((p) => p.role === 'client')
    .sort(byName)
    .map((client) => {
      const mine = assignments.filter((a) => a.clientId === client.id);
      const assignment = mine.find((a) => a.status === 'active') ?? null;
      const history = mine.filter((a) => a !== assignment).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return { client, assignment, trainer: assignment ? (byId.get(assignment.coachId) ?? null) : null, history };
    });
}

export interface CapacityOverview {
  trainers: number;
  clients: number;
  assigned: number;
  unassigned: number;
  /** Sum of every trainer's max clients. */
  capacity: number;
  /** Active assignments over capacity, 0–100, one decimal; null without capacity. */
  utilisation: number | null;
  /** Members per trainer, one decimal (the trainer-to-member ratio); null without trainers. */
  membersPerTrainer: number | null;
  fullTrainers: number;
}

export function capacityOverview(people: readonly Person[], assignments: readonly Assignment[]): CapacityOverview {
  const rows = trainerRows(people, assignments);
  const clients = people.filter((p) => p.role === 'client');
  const assigned = clients.filter((c) => assignments.some((a) => a.clientId === c.id && a.status === 'active')).length;
  const capacity = rows.reduce((n, r) => n + r.max, 0);
  const active = rows.reduce((n, r) => n + r.active, 0);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    trainers: rows.length,
    clients: clients.length,
    assigned,
    unassigned: clients.length - assigned,
    capacity,
    utilisation: capacity > 0 ? round1((active / capacity) * 100) : null,
    membersPerTrainer: rows.length > 0 ? round1(clients.length / rows.length) : null,
    fullTrainers: rows.filter((r) => r.full).length,
  };
}
