import { createHash } from 'node:crypto';
import {
  isAsPrescribed, nameKey, sessionLogId, setKindOf, summaryOfSets,
  type Exercise, type ImportExercise, type ImportRequest, type ImportWorkout, type LogEntry, type LoggedSet, type Prescription, type SessionLog, type TrainingSession,
} from '@spotter/shared';

/**
 * The documents an imported history becomes (docs/DESIGN.md "Import"): one published session
 * per workout with a prescription per exercise block, and the client's log of it with every set.
 * Every id is derived from the content, so importing the same file again lands on the same
 * documents and creates nothing.
 */

/** A short stable fingerprint of the parts (not a secret): 24 base64url characters = 144 bits. */
const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 24);

export const importedSessionId = (clientId: string, source: string, key: string) => `imp.${digest(clientId, source, key)}`;
/** A custom exercise named in a file, one per coach and name (the same words in any order). */
export const importedExerciseId = (coachId: string, name: string) => `imp.${digest(coachId, 'exercise', nameKey(name))}`;

type Kindable = Pick<Exercise, 'type' | 'pattern'>;

/** What the session prescribed: what was done, read from the working sets (the first one names reps and load). */
function prescriptionOf(id: string, exerciseId: string, block: ImportWorkout['exercises'][number]): Prescription {
  const working = block.sets.filter((s) => !s.warmup);
  const first = working[0] ?? block.sets[0]!;
  const reps = first.targetReps || (first.reps !== null ? String(first.reps) : first.seconds !== null ? `${first.seconds} s` : '1');
  return {
    id, exerciseId, sets: Math.min(50, Math.max(1, working.length)), reps: reps.slice(0, 20), weight: first.targetWeight,
    restSeconds: 0, notes: block.notes, group: null, media: null,
  };
}

export interface HistoryDocs {
  sessions: TrainingSession[];
  logs: SessionLog[];
  sets: number;
}

/**
 * `exerciseIds[i]` is the id the request's exercise i resolved to, `kinds` what each id is (for
 * the set kind: a plank's entry counts minutes, not kilograms).
 */
export function historyDocs(req: ImportRequest, coachId: string, exerciseIds: readonly string[], kinds: ReadonlyMap<string, Kindable>, now: string): HistoryDocs {
  const sessions: TrainingSession[] = [];
  const logs: SessionLog[] = [];
  let sets = 0;
  for (const w of req.workouts) {
    const sessionId = importedSessionId(req.clientId, req.source, w.key);
    const exercises: Prescription[] = [];
    const entries: Record<string, LogEntry> = {};
    w.exercises.forEach((block, i) => {
      const exerciseId = exerciseIds[block.exercise]!;
      const rx = prescriptionOf(digestId(sessionId, i), exerciseId, block);
      exercises.push(rx);
      const kind = setKindOf(kinds.get(exerciseId), rx);
      const byId: Record<string, LoggedSet> = {};
      for (const { order, ...s } of block.sets) byId[digestId(sessionId, i, order)] = { ...s, position: order };
      sets += block.sets.length;
      entries[rx.id] = {
        exerciseId, weightUnit: block.unit, ...summaryOfSets(kind, byId), completedAsPrescribed: isAsPrescribed(kind, byId, rx, block.unit),
        results: '', notes: '', difficulty: null, prescribed: { sets: rx.sets, reps: rx.reps, weight: rx.weight, restSeconds: 0 },
        loggedAt: block.loggedAt ?? w.endedAt ?? w.startedAt, sets: byId,
      };
    });
    sessions.push({
      id: sessionId, coachId, clientId: req.clientId, dueDate: w.date, title: w.title || 'Imported workout', notes: w.notes, exercises,
      status: 'published', submittedAt: w.startedAt, rejection: null, planId: null, createdAt: w.startedAt, updatedAt: now,
    });
    logs.push({ id: sessionLogId(sessionId), sessionId, clientId: req.clientId, coachId, entries, completedAt: w.endedAt ?? w.startedAt, updatedAt: now });
  }
  return { sessions, logs, sets };
}

const digestId = (sessionId: string, ...at: number[]) => `imp.${digest(sessionId, ...at.map(String))}`;

/** The document a catalogue or custom exercise of the request becomes in the coach's library. */
export function exerciseDoc(e: Exclude<ImportExercise, { kind: 'library' }>, id: string, coachId: string, now: string): Exercise {
  return {
    id, ownerId: coachId, name: e.name, description: '', videoUrl: '', type: e.type, pattern: e.pattern,
    muscleGroups: e.kind === 'catalogue' ? e.muscleGroups : [], ...(e.kind === 'catalogue' ? { catalogueId: e.catalogueId } : {}), updatedAt: now,
  };
}
