import type { Assignment, Exercise, LogEntry, Message, Person, SessionLog, TrainingSession } from '@spotter/shared';
import { sessionLogId } from '@spotter/shared';
import type { Device } from '../data/device.ts';
import { watch, watchAll, type Watched } from '../data/watch.ts';
import { newComment, newMessage, type CommentTarget } from '../comments/comments.ts';
import { withCompletion, withEntry } from './log-entry.ts';

/**
 * The client pages' view of the device: live lists of what the client may see (the server
 * only sends them their own data) and the client's writes (logging, completion). Every write goes through the
 * data layer's validated `put`; the pages never touch the database.
 */
export class ClientData {
  sessions = $state<TrainingSession[]>([]);
  logs = $state<SessionLog[]>([]);
  messages = $state<Message[]>([]);
  exercises = $state<Exercise[]>([]);
  people = $state<Person[]>([]);
  assignments = $state<Assignment[]>([]);
  /** Lists have answered once (an empty list before that is "loading", not "nothing"). */
  ready = $state(false);

  readonly me: string;
  #device: Device;
  #stops: (() => void)[] = [];

  constructor(device: Device, me: string) {
    this.#device = device;
    this.me = me;
    const q = device.queries;
    const watched: Watched[] = [];
    watched.push(watch(q.publishedSessionsOfClient(me), (v) => (this.sessions = v)));
    watched.push(watch(q.logsOfClient(me), (v) => (this.logs = v)));
    watched.push(watch(q.messagesOfClient(me), (v) => (this.messages = v)));
    watched.push(watch(q.exercises(), (v) => (this.exercises = v)));
    watched.push(watch(q.people(), (v) => (this.people = v)));
    watched.push(watch(q.assignmentsOfClient(me), (v) => (this.assignments = v)));
    this.#stops.push(watchAll(watched, () => (this.ready = true)));
  }

  destroy(): void {
    for (const stop of this.#stops) stop();
  }

  get exercisesById(): Record<string, Exercise> {
    return Object.fromEntries(this.exercises.map((e) => [e.id, e]));
  }

  get myself(): Person | undefined {
    return this.people.find((p) => p.id === this.me);
  }

  /** The coach of the client's active assignment (at most one at a time: docs/DESIGN.md "Assignments"). */
  get coach(): Person | undefined {
    const active = this.assignments.find((a) => a.status === 'active');
    return active ? this.people.find((p) => p.id === active.coachId) : undefined;
  }

  get names(): Record<string, string> {
    return Object.fromEntries(this.people.map((p) => [p.id, `${p.firstName} ${p.lastName}`.trim()]));
  }

  logOf(sessionId: string): SessionLog | null {
    return this.logs.find((l) => l.id === sessionLogId(sessionId)) ?? null;
  }

  // A log is read-modify-write of one document; the command runs those one at a time.
  /** A change of one entry (log-sets.ts), applied to the entry as stored at write time. */
  changeEntry(session: TrainingSession, prescriptionId: string, change: (entry: LogEntry | null) => LogEntry): Promise<SessionLog> {
    return this.#device.commands.updateLog(sessionLogId(session.id), (current) =>
      withEntry(current, session, prescriptionId, change(current?.entries[prescriptionId] ?? null), new Date().toISOString()),
    );
  }

  setCompleted(session: TrainingSession, completed: boolean): Promise<SessionLog> {
    return this.#device.commands.updateLog(sessionLogId(session.id), (current) => {
      const now = new Date().toISOString();
      return withCompletion(current, session, completed ? now : null, now);
    });
  }

  comment(session: TrainingSession, target: CommentTarget, body: string): Promise<Message> {
    const now = new Date().toISOString();
    const pair = { coachId: session.coachId, clientId: session.clientId };
    const { commands } = this.#device;
    return commands.saveMessage(newComment(commands.newId(), { id: this.me, role: 'client' }, pair, target, body, now));
  }

  message(coachId: string, body: string): Promise<Message> {
    const now = new Date().toISOString();
    const { commands } = this.#device;
    return commands.saveMessage(newMessage(commands.newId(), { id: this.me, role: 'client' }, { coachId, clientId: this.me }, body, now));
  }
}
