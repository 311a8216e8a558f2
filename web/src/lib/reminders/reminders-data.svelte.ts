import type { Assignment, Person, Reminder } from '@spotter/shared';
import type { Device } from '../data/device.ts';
import { watch, watchAll, type Watched } from '../data/watch.ts';

/**
 * The reminders page's data (docs/DESIGN.md "Reminders"): this person's reminders and, for a
 * coach, their clients to choose from. Live from the local database, so it works offline.
 */
export class RemindersData {
  reminders = $state.raw<Reminder[]>([]);
  people = $state.raw<Person[]>([]);
  assignments = $state.raw<Assignment[]>([]);
  ready = $state(false);
  readonly #stop: () => void;

  constructor(device: Device, me: { id: string; role: string }) {
    const list: Watched[] = [watch(device.queries.reminders(), (v) => (this.reminders = v))];
    if (me.role === 'coach') {
      list.push(watch(device.queries.people(), (v) => (this.people = v)), watch(device.queries.assignmentsOfCoach(me.id), (v) => (this.assignments = v)));
    }
    this.#stop = watchAll(list, () => (this.ready = true));
  }

  destroy(): void {
    this.#stop();
  }

  /** The coach's clients now (active or paused), by name. */
  get clients(): { id: string; name: string }[] {
    const ids = new Set(this.assignments.filter((a) => a.status !== 'completed').map((a) => a.clientId));
    return this.people
      .filter((p) => ids.has(p.id))
      .map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}`.trim() }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Oldest first: a list that does not reorder under the finger. */
  get sorted(): Reminder[] {
    return [...this.reminders].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
}
