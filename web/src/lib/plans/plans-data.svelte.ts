import type { Assignment, Exercise, Person, Plan, SessionLog, TrainingSession } from '@spotter/shared';
import { planCompletionStats, todayLocal } from '@spotter/shared';
import type { Device } from '../data/device.ts';
import { watch, watchAll, type Watched } from '../data/watch.ts';

/** Live lists of what a plan page needs, from the local database (works offline). */
export class PlansData {
  plans = $state<Plan[]>([]);
  sessions = $state<TrainingSession[]>([]);
  logs = $state<SessionLog[]>([]);
  people = $state<Person[]>([]);
  assignments = $state<Assignment[]>([]);
  exercises = $state<Exercise[]>([]);
  ready = $state(false);
  today = $state(todayLocal());

  readonly me: string;
  #device: Device;
  #stops: (() => void)[] = [];

  constructor(device: Device, me: string, role: 'coach' | 'client') {
    this.#device = device;
    this.me = me;
    const q = device.queries;
    const mine = role === 'coach' ? { coachId: me } : { clientId: me };
    const watched: Watched[] = [];
    watched.push(watch(role === 'coach' ? q.plansOfCoach(me) : q.plansOfClient(me), (v) => (this.plans = v)));
    // Only sessions a plan scheduled matter here (stats, the week); planId is null otherwise.
    watched.push(watch(q.planSessions(mine), (v) => (this.sessions = v)));
    watched.push(watch(role === 'client' ? q.logsOfClient(me) : q.logs(), (v) => (this.logs = v)));
    watched.push(watch(q.people(), (v) => (this.people = v)));
    watched.push(watch(role === 'coach' ? q.assignmentsOfCoach(me) : q.assignmentsOfClient(me), (v) => (this.assignments = v)));
    watched.push(watch(q.exercises(), (v) => (this.exercises = v)));
    this.#stops.push(watchAll(watched, () => (this.ready = true)));
    const timer = setInterval(() => (this.today = todayLocal()), 60_000);
    this.#stops.push(() => clearInterval(timer));
  }

  destroy(): void {
    for (const stop of this.#stops) stop();
  }

  get newId() {
    return this.#device.commands.newId;
  }

  person(id: string): Person | undefined {
    return this.people.find((p) => p.id === id);
  }

  /** The coach's current clients (active assignments), for "Create Workout Plan". */
  get activeClients(): { client: Person; assignment: Assignment }[] {
    return this.assignments
      .filter((a) => a.status === 'active')
      .map((assignment) => ({ assignment, client: this.person(assignment.clientId) }))
      .filter((x): x is { client: Person; assignment: Assignment } => !!x.client);
  }

  stats(planId: string) {
    return planCompletionStats(planId, this.sessions, this.logs);
  }

  scheduled(planId: string): number {
    return this.sessions.filter((s) => s.planId === planId && s.status === 'published').length;
  }

  /** One write at a time, always the latest state (commands.ts `savePlan`). */
  save(plan: Plan): Promise<Plan> {
    return this.#device.commands.savePlan(plan);
  }
}
