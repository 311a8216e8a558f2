import type { Assignment, Exercise, Message, Person, SessionLog, TrainingSession } from '@spotter/shared';
import { todayLocal } from '@spotter/shared';
import type { Device } from '../data/device.ts';
import { watch, watchAll, type Watched } from '../data/watch.ts';
import { coachWrites, type CoachWrites } from './queue.ts';

/**
 * The coach pages' view of the device: live lists from the local database (which holds only
 * what the server lets this coach see: their clients' data, their drafts, the library) and
 * the coach's writes. Narrowed to one client for the builder; without a client (the exercise
 * library) only the small lists are read — never every session and log of the account, which
 * for a large account costs seconds (bench/README.md). The dashboard has its own bounded
 * queries (dashboard/dashboard-data.svelte.ts).
 */
export class CoachData {
  // Raw, not deep state: each query answer replaces the whole list (never edited in place),
  // and deep proxies over the large account's ~12,000 sessions and logs cost seconds on every
  // answer during a first sync and on a cold start (bench/README.md).
  sessions = $state.raw<TrainingSession[]>([]);
  logs = $state.raw<SessionLog[]>([]);
  people = $state.raw<Person[]>([]);
  assignments = $state.raw<Assignment[]>([]);
  exercises = $state.raw<Exercise[]>([]);
  /** Comments and messages: the builder's threads (one client only). */
  messages = $state.raw<Message[]>([]);
  /** Every list has answered once: an empty list before that means "loading", not "none". */
  ready = $state(false);
  /** The day the lists are judged against; refreshed by `tick()` so a page left open overnight moves on. */
  today = $state(todayLocal());

  readonly me: string;
  readonly writes: CoachWrites;
  #stops: (() => void)[] = [];

  constructor(device: Device, me: string, clientId?: string) {
    this.me = me;
    this.writes = coachWrites(device.commands, me, () => this.today);
    const q = device.queries;
    const watched: Watched[] = [];
    if (clientId) {
      watched.push(watch(q.sessionsOfClient(clientId), (v) => (this.sessions = v)));
      watched.push(watch(q.logsOfClient(clientId), (v) => (this.logs = v)));
      // The builder shows every comment thread of its client.
      watched.push(watch(q.messagesOfClient(clientId), (v) => (this.messages = v)));
    }
    watched.push(watch(q.people(), (v) => (this.people = v)));
    watched.push(watch(q.assignmentsOfCoach(me), (v) => (this.assignments = v)));
    watched.push(watch(q.exercises(), (v) => (this.exercises = v)));
    this.#stops.push(watchAll(watched, () => (this.ready = true)));
    const timer = setInterval(() => this.tick(), 60_000);
    this.#stops.push(() => clearInterval(timer));
  }

  tick(): void {
    const now = todayLocal();
    if (now !== this.today) this.today = now;
  }

  destroy(): void {
    for (const stop of this.#stops) stop();
  }

  /** Display names by person id, for comment threads. */
  get names(): Record<string, string> {
    return Object.fromEntries(this.people.map((p) => [p.id, `${p.firstName} ${p.lastName}`.trim()]));
  }

  person(id: string): Person | undefined {
    return this.people.find((p) => p.id === id);
  }

  /** Is this client assigned to this coach on this device (active or paused)? */
  isMyClient(clientId: string): boolean {
    return this.assignments.some((a) => a.clientId === clientId && a.status !== 'completed');
  }
}
