import { addDaysTo, publishRefusal, type Exercise, type Prescription, type TrainingSession } from '@spotter/shared';

/**
 * Pure operations on the coach's draft queue (docs/DESIGN.md "The draft queue"). The builder's
 * components call these and hand the result to the data layer, so every rule about what a
 * draft becomes is here, testable without a browser.
 */

export interface DraftIds {
  /** A fresh document/prescription id (UUIDv7 in the app). */
  id: () => string;
  /** The instant of the edit (ISO). */
  now: string;
}

export function newDraft(coachId: string, clientId: string, dueDate: string, ids: DraftIds): TrainingSession {
  return {
    id: ids.id(),
    coachId,
    clientId,
    dueDate,
    title: '',
    notes: '',
    exercises: [],
    status: 'draft',
    submittedAt: null,
    rejection: null,
    planId: null,
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}

/** A sensible starting prescription by exercise type, so adding an exercise is one click. */
export function newPrescription(exercise: Pick<Exercise, 'id' | 'type'>, id: string): Prescription {
  const cardio = exercise.type === 'cardio';
  const flexibility = exercise.type === 'flexibility';
  return {
    id,
    exerciseId: exercise.id,
    sets: cardio ? 1 : 3,
    reps: cardio ? '20 min' : flexibility ? '30 s' : '10',
    weight: '',
    restSeconds: cardio ? 0 : flexibility ? 30 : 90,
    notes: '',
  };
}

/** Moves one item; out-of-range moves return the list unchanged (the button is at an edge). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

/**
 * "Duplicate" is how coaches build a week: the copy lands on the next day so a Monday session
 * becomes Tuesday's, with fresh ids (two sessions never share a prescription id) and back in
 * the queue as a plain draft, whatever the original's state.
 */
export function duplicateSession(s: TrainingSession, ids: DraftIds, today: string, coachId: string): TrainingSession {
  const next = addDaysTo(s.dueDate, 1);
  return {
    ...s,
    // The copy is the duplicating coach's: a session the client's previous coach wrote becomes
    // this coach's own draft (the server accepts writes only as oneself).
    coachId,
    id: ids.id(),
    dueDate: next < today ? today : next,
    exercises: s.exercises.map((p) => ({ ...p, id: ids.id() })),
    status: 'draft',
    submittedAt: null,
    rejection: null,
    planId: null,
    createdAt: ids.now,
    updatedAt: ids.now,
  };
}

/**
 * A submit is a request the server answers (merge.ts): published, or draft with a rejection.
 * The previous rejection is cleared so a stale reason never sits on a fresh attempt.
 */
export function submitSession(s: TrainingSession, now: string): TrainingSession {
  if (s.status === 'published') return s;
  return { ...s, status: 'submitted', submittedAt: now, rejection: null, updatedAt: now };
}

/**
 * An edit. A published session stays published (the client sees the change); one waiting to
 * submit stays waiting and goes out with the edit (the coach already asked to publish it). A
 * refused draft keeps its reason until the next submit, so the coach sees what to fix.
 */
export function editSession(s: TrainingSession, patch: Partial<TrainingSession>, now: string): TrainingSession {
  return { ...s, ...patch, status: s.status, rejection: s.rejection, submittedAt: s.submittedAt, updatedAt: now };
}

export type QueueState = 'draft' | 'waiting' | 'refused' | 'published';

/** What the queue shows on a session card. */
export function queueState(s: Pick<TrainingSession, 'status' | 'rejection'>): QueueState {
  if (s.status === 'published') return 'published';
  if (s.status === 'submitted') return 'waiting';
  return s.rejection ? 'refused' : 'draft';
}

/**
 * The same checks the server runs, run locally first so the coach learns at once — offline
 * too — about what they can fix. The assignment is the server's to judge (it may have ended
 * since the last sync), so it is assumed here.
 */
export function localSubmitProblem(s: TrainingSession, today: string, exerciseExists: (id: string) => boolean): string | null {
  // The sentence of the shared refusal: the same words the server would answer with.
  return publishRefusal(s, { today, clientAssigned: true, exerciseExists })?.message ?? null;
}

/**
 * The coach's queue for one client: unpublished sessions, newest first — a new session
 * stays at the top (docs/DESIGN.md "Session lists"). Sorted by creation, never by an edited field,
 * so a card does not jump while the coach types in it.
 */
export function draftQueue(sessions: readonly TrainingSession[], clientId: string): TrainingSession[] {
  return sessions
    .filter((s) => s.clientId === clientId && s.status !== 'published')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/**
 * "Submit all": every draft that passes the local checks is submitted; the others stay in
 * the queue with the reason, so one bad draft never holds back the rest of the week.
 */
export function submitAll(
  queue: readonly TrainingSession[],
  today: string,
  exerciseExists: (id: string) => boolean,
  now: string,
): { submitted: TrainingSession[]; problems: { session: TrainingSession; reason: string }[] } {
  const submitted: TrainingSession[] = [];
  const problems: { session: TrainingSession; reason: string }[] = [];
  for (const s of queue) {
    if (s.status !== 'draft') continue;
    const reason = localSubmitProblem(s, today, exerciseExists);
    if (reason) problems.push({ session: s, reason });
    else submitted.push(submitSession(s, now));
  }
  return { submitted, problems };
}
