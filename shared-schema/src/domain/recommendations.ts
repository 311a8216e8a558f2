import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { WeightUnit } from '../docs/common.ts';
import type { Exercise, MovementPattern } from '../docs/exercises.ts';
import type { SessionLog } from '../docs/logs.ts';
import type { Recommendation } from '../docs/recommendations.ts';
import type { TrainingSession } from '../docs/sessions.ts';
import type { Performed } from './progress.ts';
import { performedEntries, roundWeight, weekStartOf } from './progress.ts';

/**
 * The deterministic recommendations engine (docs/DESIGN.md "Recommendations engine"): it reads a client's
 * history and proposes what a coach would notice. Every suggestion states its numbers in
 * `reason`; the coach edits, approves or dismisses it before the client sees anything.
 */
export type Suggestion = Pick<Recommendation, 'kind' | 'priority' | 'pattern' | 'exerciseId' | 'title' | 'reason'> & {
  /** Stable across devices and re-runs within a week: the source of the document id. */
  key: string;
};

export interface EngineInput {
  clientId: string;
  today: string;
  units: WeightUnit;
  sessions: readonly TrainingSession[];
  logs: readonly SessionLog[];
  exercises: readonly Pick<Exercise, 'id' | 'name' | 'pattern'>[];
  /** Client ratings (1–5) of earlier recommendations, by kind. */
  ratings?: readonly { kind: Recommendation['kind']; rating: number }[];
  neglectedAfterDays?: number;
}

/** Load step for a progression: the smallest common plate jump in each unit. */
export const PROGRESSION_STEP: Record<WeightUnit, number> = { kg: 2.5, lb: 5 };
export const NEGLECTED_AFTER_DAYS = 14;
const DELOAD_SESSIONS = 3;
const MISSES = 2;

/** "8-12" → {min 8, max 12}; "10" → 10..10; "AMRAP", "30 s" or empty → null (no top to reach). */
export function repRange(reps: string): { min: number; max: number } | null {
  const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(reps);
  if (!m) return null;
  const min = Number(m[1]);
  const max = m[2] ? Number(m[2]) : min;
  return max >= min ? { min, max } : null;
}

const fmt = (w: number, unit: WeightUnit) => `${roundWeight(w)} ${unit}`;

function lastByExercise(performed: readonly Performed[]): Map<string, Performed[]> {
  const out = new Map<string, Performed[]>();
  for (const p of performed) out.set(p.exerciseId, [...(out.get(p.exerciseId) ?? []), p]);
  return out;
}

/** Progression: the latest session hit every prescribed set at the top of the range, at difficulty ≤ 3. */
function progression(input: EngineInput, byExercise: Map<string, Performed[]>, name: (id: string) => string): Suggestion[] {
  const out: Suggestion[] = [];
  for (const [exerciseId, history] of byExercise) {
    const last = history.at(-1)!;
    const range = repRange(last.entry.prescribed.reps);
    if (!range || last.weight <= 0 || last.difficulty === null || last.difficulty > 3) continue;
    if (last.sets < last.entry.prescribed.sets || last.reps < range.max) continue;
    const next = last.weight + PROGRESSION_STEP[input.units];
    out.push({
      key: `progression:${exerciseId}`,
      kind: 'progression',
      priority: 2,
      pattern: null,
      exerciseId,
      title: `Increase ${name(exerciseId)} to ${fmt(next, input.units)}`,
      reason:
        `On ${last.date} all ${last.sets} sets reached ${last.reps} reps (top of ${last.entry.prescribed.reps}) at ` +
        `${fmt(last.weight, input.units)}, difficulty ${last.difficulty}/5: add ${PROGRESSION_STEP[input.units]} ${input.units}.`,
    });
  }
  return out;
}

/** Deload: difficulty ≥ 4 in each of the last 3 sessions of an exercise, or its last 2 sessions missed. */
function deload(input: EngineInput, byExercise: Map<string, Performed[]>, name: (id: string) => string): Suggestion[] {
  const out: Suggestion[] = [];
  for (const [exerciseId, history] of byExercise) {
    const hard = history.slice(-DELOAD_SESSIONS);
    const missed = history.slice(-MISSES);
    const tooHard = hard.length === DELOAD_SESSIONS && hard.every((p) => (p.difficulty ?? 0) >= 4);
    const misses = missed.length === MISSES && missed.every((p) => !p.completedAsPrescribed);
    if (!tooHard && !misses) continue;
    const last = history.at(-1)!;
    const lighter = last.weight > 0 ? ` to ${fmt(last.weight * 0.9, input.units)} (−10%)` : '';
    out.push({
      key: `deload:${exerciseId}`,
      kind: 'deload',
      priority: 1,
      pattern: null,
      exerciseId,
      title: `Deload ${name(exerciseId)}${lighter}`,
      reason: tooHard
        ? `Difficulty ${hard.map((p) => p.difficulty).join(', ')} in the last ${DELOAD_SESSIONS} sessions (${hard[0]!.date} to ${last.date}).`
        : `Not completed as prescribed in the last ${MISSES} sessions (${missed.map((p) => `${p.sets}×${p.reps} on ${p.date}`).join(', ')}).`,
    });
  }
  return out;
}

/** Neglected: a pattern the coach has prescribed but the client has not trained for N days. */
function neglected(input: EngineInput, performed: readonly Performed[]): Suggestion[] {
  const after = input.neglectedAfterDays ?? NEGLECTED_AFTER_DAYS;
  const patternOf = new Map(input.exercises.map((e) => [e.id, e.pattern]));
  const prescribed = new Set<MovementPattern>();
  for (const s of input.sessions) {
    if (s.status !== 'published' || s.dueDate > input.today) continue;
    for (const p of s.exercises) {
      const pattern = patternOf.get(p.exerciseId);
      if (pattern) prescribed.add(pattern);
    }
  }
  const lastDone = new Map<MovementPattern, string>();
  for (const p of performed) {
    const pattern = patternOf.get(p.exerciseId);
    if (pattern && (lastDone.get(pattern) ?? '') < p.date) lastDone.set(pattern, p.date);
  }
  const out: Suggestion[] = [];
  for (const pattern of [...prescribed].sort()) {
    const last = lastDone.get(pattern);
    const days = last ? differenceInCalendarDays(parseISO(input.today), parseISO(last)) : null;
    if (days !== null && days < after) continue;
    out.push({
      key: `neglected:${pattern}`,
      kind: 'neglected',
      priority: 3,
      pattern,
      exerciseId: null,
      title: `Program some ${pattern} work`,
      reason: last ? `No ${pattern} exercise logged for ${days} days (last on ${last}; threshold ${after} days).` : `${pattern} was prescribed but never logged.`,
    });
  }
  return out;
}

/** Reschedule: published sessions now late (not complete, due before today) within the last 14 days. */
function reschedule(input: EngineInput): Suggestion[] {
  const done = new Set(input.logs.filter((l) => l.completedAt).map((l) => l.sessionId));
  return input.sessions
    .filter((s) => s.status === 'published' && s.dueDate < input.today && !done.has(s.id))
    .map((s) => ({ s, late: differenceInCalendarDays(parseISO(input.today), parseISO(s.dueDate)) }))
    .filter(({ late }) => late <= 14)
    .sort((a, b) => a.s.dueDate.localeCompare(b.s.dueDate) || a.s.id.localeCompare(b.s.id))
    .map(({ s, late }) => ({
      key: `reschedule:${s.id}`,
      kind: 'reschedule' as const,
      priority: late <= 3 ? 1 : 2,
      pattern: null,
      exerciseId: null,
      title: `Reschedule "${s.title || 'Untitled session'}"`,
      reason: `Due ${s.dueDate} and not completed: ${late} day${late === 1 ? '' : 's'} late.`,
    }));
}

/**
 * Client feedback shifts priorities: a kind rated 2 or lower on average drops one level
 * (never below 3), one rated 4 or higher rises one (never above 1). Needs 2+ ratings.
 */
export function adjustForRatings(s: Suggestion, ratings: EngineInput['ratings'] = []): Suggestion {
  const mine = ratings.filter((r) => r.kind === s.kind);
  if (mine.length < 2) return s;
  const avg = mine.reduce((a, r) => a + r.rating, 0) / mine.length;
  if (avg <= 2) return { ...s, priority: Math.min(3, s.priority + 1) };
  if (avg >= 4) return { ...s, priority: Math.max(1, s.priority - 1) };
  return s;
}

/** All suggestions for one client, highest priority first, in a stable order. */
export function recommend(input: EngineInput): Suggestion[] {
  const names = new Map(input.exercises.map((e) => [e.id, e.name]));
  const name = (id: string) => names.get(id) ?? 'this exercise';
  const mine = input.logs.filter((l) => l.clientId === input.clientId);
  const performed = performedEntries(mine, input.units, { from: null, to: input.today });
  const byExercise = lastByExercise(performed);
  const sessions = input.sessions.filter((s) => s.clientId === input.clientId);
  const all = [
    ...deload(input, byExercise, name),
    ...reschedule({ ...input, sessions }),
    ...progression(input, byExercise, name),
    ...neglected({ ...input, sessions }, performed),
  ];
  // A deload and a progression of the same exercise contradict each other: the deload wins.
  const deloaded = new Set(all.filter((s) => s.kind === 'deload').map((s) => s.exerciseId));
  return all
    .filter((s) => !(s.kind === 'progression' && deloaded.has(s.exerciseId)))
    .map((s) => adjustForRatings(s, input.ratings))
    .sort((a, b) => a.priority - b.priority);
}

/**
 * The document id of a suggestion: the same client, rule, subject and week give the same id on
 * every device, so two coach devices generating offline meet in one document, and a dismissed
 * one is not proposed again that week. Hashed because ids are limited to 64 characters.
 */
export function recommendationId(clientId: string, key: string, today: string): string {
  return `rec-${fnv1a64(`${clientId}|${key}|${weekStartOf(today)}`)}`;
}

/** FNV-1a over UTF-16 code units, 64 bits as two 32-bit halves (no BigInt needed). */
function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

