import type { Assignment, Person, TrainerProfile } from '@spotter/shared';
import { HttpError } from '../data/api.ts';
import type { Device } from '../data/device.ts';
import { watch, watchAll, type Watched } from '../data/watch.ts';
import { capacityOverview, clientRows, trainerRows } from './roster.ts';

/** Turns a failed server call into the sentence the admin sees. */
export function failure(e: unknown, what: string): string {
  if (e instanceof HttpError) return e.message;
  if (e instanceof TypeError) return `Could not reach the server. ${what} needs a connection.`;
  return e instanceof Error ? e.message : `The server refused: ${what}.`;
}

/**
 * The admin pages' view of the device: the roster and assignments (all an admin pulls, rule 4)
 * plus the admin's writes. Profile edits are local writes that sync; assigning goes to the
 * server at once (it must check capacity in its transaction). Trainers are invited (account/).
 */
export class AdminData {
  people = $state<Person[]>([]);
  assignments = $state<Assignment[]>([]);
  ready = $state(false);
  #device: Device;
  #stops: (() => void)[] = [];

  constructor(device: Device) {
    this.#device = device;
    const watched: Watched[] = [];
    watched.push(watch(device.queries.people(), (v) => (this.people = v)));
    watched.push(watch(device.queries.assignments(), (v) => (this.assignments = v)));
    this.#stops.push(watchAll(watched, () => (this.ready = true)));
  }

  destroy(): void {
    for (const stop of this.#stops) stop();
  }

  get trainers() {
    return trainerRows(this.people, this.assignments);
  }
  get clients() {
    return clientRows(this.people, this.assignments);
  }
  get overview() {
    return capacityOverview(this.people, this.assignments);
  }

  /** An existing trainer's profile: a local write, synced when online. */
  async saveProfile(trainer: Person, names: { firstName: string; lastName: string }, profile: TrainerProfile): Promise<string | null> {
    try {
      await this.#device.commands.updatePerson(trainer.id, { ...names, ...profile });
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : 'Could not save the profile.';
    }
  }

  async assign(clientIds: string[], coachId: string): Promise<string | null> {
    try {
      await this.#device.commands.assignClients({ clientIds, coachId });
      return null;
    } catch (e) {
      return failure(e, 'Assigning a trainer');
    }
  }
}
