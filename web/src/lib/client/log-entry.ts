import type { LogEntry, Prescription, SessionLog, TrainingSession } from '@spotter/shared';
import { sessionLogId, type WeightUnit } from '@spotter/shared';
import { formatWeight, weightsInText } from '#lib/app/format.ts';

/**
 * Pure helpers behind the client's log form and the coach's "logged vs prescribed" view.
 * The log of a session is ONE document (id `sessionLogId(sessionId)`), entries keyed by
 * prescription id, so a client's devices meet in one document and merge per entry.
 */

/** The numbers that decide "as prescribed": changing one of them is a deviation. */
const numericFields = ['setsCompleted', 'repsCompleted', 'weightUsed', 'weightUnit', 'durationMinutes'] as const;

/**
 * Apply what the client typed to an entry. Changing a number away from the prefill unchecks
 * "Completed as prescribed" (the coach must not read a heavier set as "as prescribed"),
 * unless the same edit sets the box explicitly; typing the prefilled number back re-checks it.
 */
export function applyEdit(entry: LogEntry, patch: Partial<LogEntry>, prefill: LogEntry, now: string): LogEntry {
  const next: LogEntry = { ...entry, ...patch, loggedAt: now };
  const touchedNumbers = numericFields.some((f) => f in patch);
  if (touchedNumbers && !('completedAsPrescribed' in patch)) {
    next.completedAsPrescribed = numericFields.every((f) => next[f] === prefill[f]);
  }
  return next;
}

/** The log document with one entry written; creates the document on the first entry. */
export function withEntry(
  log: SessionLog | null,
  session: Pick<TrainingSession, 'id' | 'clientId' | 'coachId'>,
  prescriptionId: string,
  entry: LogEntry,
  now: string,
): SessionLog {
  const base = log ?? emptyLog(session, now);
  return { ...base, entries: { ...base.entries, [prescriptionId]: entry }, updatedAt: now };
}

/** Marks the session complete (docs/DESIGN.md "Workout logs": complete when its client marks it complete). */
export function withCompletion(
  log: SessionLog | null,
  session: Pick<TrainingSession, 'id' | 'clientId' | 'coachId'>,
  completedAt: string | null,
  now: string,
): SessionLog {
  const base = log ?? emptyLog(session, now);
  return { ...base, completedAt, updatedAt: now };
}

function emptyLog(session: Pick<TrainingSession, 'id' | 'clientId' | 'coachId'>, now: string): SessionLog {
  return {
    id: sessionLogId(session.id),
    sessionId: session.id,
    clientId: session.clientId,
    coachId: session.coachId,
    entries: {},
    completedAt: null,
    updatedAt: now,
  };
}

type PrescribedPart = Pick<Prescription, 'sets' | 'reps' | 'weight' | 'restSeconds'>;

/** "3 × 8-12 · 60 kg · rest 90 s" — how a prescription reads everywhere; its loads in the reader's unit. */
export function formatPrescription(p: PrescribedPart, units: WeightUnit): string {
  const parts = [`${p.sets} × ${p.reps}`];
  if (p.weight.trim()) parts.push(weightsInText(p.weight.trim(), units));
  if (p.restSeconds > 0) parts.push(`rest ${formatRest(p.restSeconds)}`);
  return parts.join(' · ');
}

export function formatRest(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

/**
 * "3 × 10 · 62.5 kg", "1 set · 20 min", "4 sets · 16 kg" (AMRAP, reps not typed) — what the client
 * did, the load converted to the reader's unit (it is stored as entered).
 */
export function formatEntry(e: LogEntry, units: WeightUnit): string {
  const parts: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (e.setsCompleted !== null && e.repsCompleted !== null) parts.push(`${e.setsCompleted} × ${e.repsCompleted}`);
  else if (e.setsCompleted !== null) parts.push(plural(e.setsCompleted, 'set'));
  else if (e.repsCompleted !== null) parts.push(plural(e.repsCompleted, 'rep'));
  if (e.weightUsed !== null) parts.push(formatWeight(e.weightUsed, e.weightUnit, units));
  if (e.durationMinutes !== null) parts.push(`${e.durationMinutes} min`);
  return parts.join(' · ') || 'no numbers entered';
}

/** Did the coach change the prescription after the client logged against it? */
export function prescriptionChangedSinceLogged(current: PrescribedPart, entry: LogEntry): boolean {
  const then = entry.prescribed;
  return then.sets !== current.sets || then.reps !== current.reps || then.weight !== current.weight || then.restSeconds !== current.restSeconds;
}

/** The snapshot stored in an entry: what was prescribed when the client logged. */
export const snapshotOf = (p: PrescribedPart): LogEntry['prescribed'] => ({ sets: p.sets, reps: p.reps, weight: p.weight, restSeconds: p.restSeconds });
