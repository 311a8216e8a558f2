import { applyEdits, type Exercise, type Message, type Note, type Person, type Plan, type Recommendation, type Reminder, type SessionLog, type TrainingSession } from '@spotter/shared';
import type { Rest } from './rest.ts';
import type { Store } from './store.ts';

/**
 * Runs writes one at a time, each after the previous one settled: a slow write can never land
 * after a newer one, and a read-modify-write never starts from a state an earlier write in
 * flight is about to replace.
 */
function serial() {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(write: () => Promise<T>): Promise<T> => {
    const next = queue.then(write, write);
    queue = next.catch(() => undefined);
    return next;
  };
}

/**
 * Every write a page can make, by name. Local writes are parsed with the shared zod schema
 * (a ZodError names the field), stored at once and synced when a connection exists; they
 * never wait for the network. Those spread in from rest.ts need the server now.
 */
export function createCommands(store: Store, rest: Rest) {
  const logs = serial();
  const plans = serial();
  const sessions = serial();
  return {
    /** A fresh document or prescription id (UUIDv7: time-ordered, cheap to insert on the server). */
    newId: store.newId,

    /** A coach's session: a new draft, an edit, a submit (status 'submitted'), a restored discard. */
    saveSession: (doc: TrainingSession) => store.put('sessions', doc),
    /**
     * The builder's edit of a session: what its form changed from `base` (what the form was
     * filled from or last wrote), written over the session as stored now (shared edits.ts), so
     * a field another device changed meanwhile and the form did not touch keeps that change.
     * Answers what was stored. A session the device no longer holds is written as edited.
     */
    editSession: (base: TrainingSession, doc: TrainingSession) =>
      sessions(() => store.update('sessions', doc.id, (current) => (current ? applyEdits(current, base, doc) : doc))),
    /** Soft delete, so the coach's other devices drop it too; `saveSession` brings it back. */
    discardSession: (id: string) => store.softDelete('sessions', id),
    saveExercise: (doc: Exercise) => store.put('exercises', doc),
    /** A catalogue entry taken into the coach's library: derived (its id is the same on each of their devices), so it never undoes their edits of it. */
    adoptExercise: (doc: Exercise) => store.putDerived('exercises', doc),

    /**
     * A client's log of one session, as a change of the log as stored when it is written (null
     * before the first entry; store.update). One change at a time: a keystroke written while the
     * previous one is in flight cannot bring back an older version of the log.
     */
    updateLog: (id: string, change: (current: SessionLog | null) => SessionLog): Promise<SessionLog> =>
      logs(() => store.update('logs', id, change)),

    /** A message, comment, rating or resource view (a `messages` document). */
    saveMessage: (doc: Message) => store.put('messages', doc),

    /** Plans are whole-document writes, one at a time and always the latest. */
    savePlan: (doc: Plan): Promise<Plan> => plans(() => store.put('plans', doc)),

    saveNote: (doc: Note) => store.put('notes', doc),
    deleteNote: (id: string) => store.softDelete('notes', id),

    /** The engine's suggestion: derived (client, rule, week), so a copy made offline never undoes an approval, a dismissal or an edit. */
    saveRecommendation: (doc: Recommendation) => store.putDerived('recommendations', doc),
    updateRecommendation: (id: string, changes: Partial<Recommendation>) => store.patch('recommendations', id, changes),

    /** A reminder (docs/DESIGN.md "Reminders"): scheduled by the server once it has synced. */
    saveReminder: (doc: Reminder) => store.put('reminders', doc),
    deleteReminder: (id: string) => store.softDelete('reminders', id),

    /** A person's own fields (an admin: a trainer's names and profile). */
    updatePerson: (id: string, changes: Partial<Person>) => store.patch('people', id, changes),

    /** Puts a write the server refused back as the current document (it syncs again). */
    restoreRefused: store.restoreRefused,
    dismissRefused: store.dismissRefused,

    ...rest,
  };
}

export type Commands = ReturnType<typeof createCommands>;
