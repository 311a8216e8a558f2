import {
  complianceDrop,
  engagement,
  todayLocal,
  type Exercise,
  type Message,
  type Note,
  type Person,
  type Plan,
  type Recommendation,
  type SessionLog,
  type TrainingSession,
  type WeightUnit,
} from '@spotter/shared';
import type { Device } from '../data/device.ts';
import { watch, watchAll, type Watched } from '../data/watch.ts';

/**
 * One client's documents, live from the local database (offline: whatever this device last
 * synced). Used by the coach's client profile and by the client's own progress page: the
 * server already limits each device to what its user may see (access.ts), so the same
 * queries serve both. Derived numbers are getters over the lists, recomputed by Svelte.
 */
export class ProfileData {
  sessions = $state<TrainingSession[]>([]);
  logs = $state<SessionLog[]>([]);
  exercises = $state<Exercise[]>([]);
  people = $state<Person[]>([]);
  messages = $state<Message[]>([]);
  notes = $state<Note[]>([]);
  recommendations = $state<Recommendation[]>([]);
  plans = $state<Plan[]>([]);
  ready = $state(false);
  today = $state(todayLocal());

  readonly clientId: string;
  readonly me: string;
  #stops: (() => void)[] = [];

  constructor(device: Device, me: string, clientId: string) {
    this.me = me;
    this.clientId = clientId;
    const q = device.queries;
    const watched: Watched[] = [];
    watched.push(watch(q.sessionsOfClient(clientId), (v) => (this.sessions = v)));
    watched.push(watch(q.logsOfClient(clientId), (v) => (this.logs = v)));
    watched.push(watch(q.exercises(), (v) => (this.exercises = v)));
    watched.push(watch(q.people(), (v) => (this.people = v)));
    watched.push(watch(q.messagesOfClient(clientId), (v) => (this.messages = v)));
    watched.push(watch(q.notesOfClient(clientId), (v) => (this.notes = v)));
    watched.push(watch(q.recommendationsOfClient(clientId), (v) => (this.recommendations = v)));
    watched.push(watch(q.plansOfClient(clientId), (v) => (this.plans = v)));
    this.#stops.push(watchAll(watched, () => (this.ready = true)));
    const timer = setInterval(() => {
      const now = todayLocal();
      if (now !== this.today) this.today = now;
    }, 60_000);
    this.#stops.push(() => clearInterval(timer));
  }

  destroy(): void {
    for (const stop of this.#stops) stop();
  }

  get client(): Person | undefined {
    return this.people.find((p) => p.id === this.clientId);
  }

  get viewer(): Person | undefined {
    return this.people.find((p) => p.id === this.me);
  }

  /** Weights follow the viewer's preference (the coach's own on the coach's device). */
  get units(): WeightUnit {
    return this.viewer?.units ?? this.client?.units ?? 'kg';
  }

  get name(): string {
    const c = this.client;
    return c ? `${c.firstName} ${c.lastName}`.trim() : 'Client';
  }

  /** Only published sessions are the client's; the coach's drafts never count. */
  get published(): TrainingSession[] {
    return this.sessions.filter((s) => s.status === 'published');
  }

  get engagement() {
    return engagement(this.clientId, this.published, this.logs, this.messages, this.today);
  }

  get compliance() {
    const d = complianceDrop(this.published, this.logs, this.today);
    return { percent: d.now, dropped: d.dropped };
  }

  get coachId(): string | undefined {
    return this.sessions[0]?.coachId ?? this.messages[0]?.coachId ?? this.notes[0]?.coachId;
  }
}
