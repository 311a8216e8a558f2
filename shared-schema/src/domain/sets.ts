import type { WeightUnit } from '../docs/common.ts';
import type { Exercise } from '../docs/exercises.ts';
import type { LogEntry, LoggedSet } from '../docs/logs.ts';
import type { Prescription } from '../docs/sessions.ts';
import { parseWeight, prefillMinutes, prefillReps } from './logging.ts';

/**
 * Logging set by set (docs/DESIGN.md "Sets"): what a set asks for, how it is prefilled, what
 * "done as prescribed" means, and the entry's summary numbers derived from its sets (the
 * numbers progress, recommendations and older app versions read).
 */

/** Which values a set takes: a plank never asks for kilograms. */
export type SetKind = 'load' | 'bodyweight' | 'timed' | 'cardio';
type Rx = Pick<Prescription, 'sets' | 'reps' | 'weight'>;
type Kindable = Pick<Exercise, 'type' | 'pattern'> | undefined;

/** "45 s", "30 sec", "1 min", "1:30", "90 seconds" → seconds; anything else null. */
export function parseSeconds(reps: string): number | null {
  const t = reps.trim().toLowerCase();
  const clock = /^(\d+):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const s = /^(\d+(?:[.,]\d+)?)\s*(?:s|secs?|seconds?)\.?$/.exec(t);
  if (s) return Math.round(Number(s[1]!.replace(',', '.')));
  const minutes = prefillMinutes(t);
  return minutes === null ? null : Math.round(minutes * 60);
}

/**
 * Cardio by the exercise; a time in the reps field is a timed hold; a bodyweight weight (or a
 * core or mobility movement with no weight written) is bodyweight work; anything else is a
 * loaded lift, whose load the client enters when the coach left it open.
 */
export function setKindOf(exercise: Kindable, rx: Pick<Prescription, 'reps' | 'weight'>): SetKind {
  if (exercise?.type === 'cardio' || exercise?.pattern === 'cardio') return 'cardio';
  if (parseSeconds(rx.reps) !== null) return 'timed';
  const weight = parseWeight(rx.weight, 'kg').kind;
  if (weight === 'bodyweight') return 'bodyweight';
  if (weight === 'none' && (exercise?.pattern === 'core' || exercise?.pattern === 'mobility' || exercise?.type === 'flexibility')) return 'bodyweight';
  return 'load';
}

/** Sets in their order: warm-ups first, then by position, two devices' appends at one position by id. */
export const orderedSets = (sets: Record<string, LoggedSet> | undefined): [string, LoggedSet][] =>
  Object.entries(sets ?? {}).sort(([a, x], [b, y]) => Number(y.warmup) - Number(x.warmup) || x.position - y.position || a.localeCompare(b));

const blank = (position: number, rx: Rx, warmup = false): LoggedSet => ({
  position, warmup, done: false, targetReps: rx.reps, targetWeight: rx.weight, reps: null, load: null, seconds: null, distanceM: null, rpe: null,
});

/**
 * The actual values a set starts with: the prescription's where it names them (reps at the
 * bottom of a range, a load in the coach's unit, a time), else the same working set of the
 * client's last time (an AMRAP, an open or %1RM weight), else empty.
 */
export function prefillSet(
  kind: SetKind,
  rx: Rx,
  units: WeightUnit,
  last: LoggedSet | undefined,
  oneRepMax: number | null = null,
): Pick<LoggedSet, 'reps' | 'load' | 'seconds' | 'distanceM'> {
  const weight = parseWeight(rx.weight, units);
  // A %1RM prescription resolves on the device from the client's estimated 1RM (in `units`),
  // to the nearest load a plate set makes (2.5 kg, 5 lb).
  const percentLoad = weight.kind === 'percent' && oneRepMax ? roundToPlates((oneRepMax * weight.percent) / 100, units) : null;
  const seconds = parseSeconds(rx.reps);
  const fromLast = (v: number | null | undefined) => v ?? null;
  switch (kind) {
    case 'load':
      return { reps: prefillReps(rx.reps) ?? fromLast(last?.reps), load: weight.kind === 'load' ? weight.value : (percentLoad ?? fromLast(last?.load)), seconds: null, distanceM: null };
    case 'bodyweight':
      return { reps: prefillReps(rx.reps) ?? fromLast(last?.reps), load: weight.kind === 'load' ? weight.value : null, seconds: null, distanceM: null };
    case 'timed':
      return { reps: null, load: null, seconds: seconds ?? fromLast(last?.seconds), distanceM: null };
    case 'cardio':
      return { reps: null, load: null, seconds: seconds ?? fromLast(last?.seconds), distanceM: fromLast(last?.distanceM) };
  }
}

/** 2.5 kg or 5 lb steps. */
export const roundToPlates = (load: number, units: WeightUnit): number => {
  const step = units === 'kg' ? 2.5 : 5;
  return Math.round(load / step) * step;
};

/** The prescribed sets, prefilled, not yet done; `newId` names each set. */
export function prescribedSets(kind: SetKind, rx: Rx, units: WeightUnit, last: LoggedSet[], newId: () => string, oneRepMax: number | null = null): Record<string, LoggedSet> {
  const working = last.filter((s) => !s.warmup);
  const out: Record<string, LoggedSet> = {};
  for (let i = 0; i < rx.sets; i++) out[newId()] = { ...blank(i, rx), ...prefillSet(kind, rx, units, working[i] ?? working.at(-1), oneRepMax) };
  return out;
}

/**
 * One more set after the last, copying the last set's values (how every lifting app adds
 * one). Only the new set is written, so another device's sets and edits are untouched.
 */
export function addSet(sets: Record<string, LoggedSet>, rx: Rx, id: string, warmup = false): Record<string, LoggedSet> {
  const ordered = orderedSets(sets);
  const lastSet = ordered.at(-1)?.[1];
  const position = Math.max(-1, ...ordered.map(([, s]) => s.position)) + 1;
  const copy = lastSet ? { reps: lastSet.reps, load: lastSet.load, seconds: lastSet.seconds, distanceM: lastSet.distanceM } : {};
  return { ...sets, [id]: { ...blank(position, rx, warmup), ...copy } };
}

/** The values that count for "as prescribed" in each kind. */
const measured: Record<SetKind, (keyof LoggedSet)[]> = {
  load: ['reps', 'load'],
  bodyweight: ['reps', 'load'],
  timed: ['seconds'],
  cardio: ['seconds', 'distanceM'],
};

/**
 * "Done as prescribed", one tap: every working set done with the prescription's values
 * (values the prescription leaves open keep what the client typed or what was prefilled).
 */
export function doneAsPrescribed(kind: SetKind, sets: Record<string, LoggedSet>, rx: Rx, units: WeightUnit): Record<string, LoggedSet> {
  const target = prefillSet(kind, rx, units, undefined);
  const out: Record<string, LoggedSet> = {};
  for (const [id, s] of Object.entries(sets)) {
    const named = Object.fromEntries(measured[kind].filter((k) => target[k as keyof typeof target] !== null).map((k) => [k, target[k as keyof typeof target]]));
    out[id] = s.warmup ? s : { ...s, ...named, done: true };
  }
  return out;
}

/** As prescribed: the prescribed number of working sets done, each at the prescription's values where it names them. */
export function isAsPrescribed(kind: SetKind, sets: Record<string, LoggedSet>, rx: Rx, units: WeightUnit): boolean {
  const working = Object.values(sets).filter((s) => !s.warmup && s.done);
  if (working.length !== rx.sets) return false;
  // Loads logged in another unit than the coach wrote are not the prescribed load (60 lb is not 60 kg).
  const weight = parseWeight(rx.weight, units);
  if (weight.kind === 'load' && weight.unit !== units && working.some((s) => s.load !== null)) return false;
  const target = prefillSet(kind, rx, units, undefined);
  return working.every((s) => measured[kind].every((k) => target[k as keyof typeof target] === null || s[k] === target[k as keyof typeof target]));
}

/**
 * The entry's summary numbers from its sets (the done working sets): how many, the fewest
 * reps (so "all 3 sets reached 12" is read only when each did), the heaviest load, and the
 * total time in minutes for timed and cardio work.
 */
export function summaryOfSets(kind: SetKind, sets: Record<string, LoggedSet>): Pick<LogEntry, 'setsCompleted' | 'repsCompleted' | 'weightUsed' | 'durationMinutes'> {
  const done = Object.values(sets).filter((s) => s.done && !s.warmup);
  const nums = (k: 'reps' | 'load' | 'seconds') => done.map((s) => s[k]).filter((v): v is number => v !== null);
  const reps = nums('reps');
  const loads = nums('load');
  const seconds = nums('seconds');
  const timedKind = kind === 'timed' || kind === 'cardio';
  return {
    setsCompleted: done.length,
    repsCompleted: reps.length ? Math.min(...reps) : null,
    weightUsed: loads.length ? Math.max(...loads) : null,
    durationMinutes: timedKind && seconds.length ? Math.round((seconds.reduce((a, b) => a + b, 0) / 60) * 100) / 100 : null,
  };
}

/**
 * The entry with these sets: its summary numbers and "as prescribed" follow them, so every
 * reader of the summary (progress, recommendations, an older app) sees what the sets say.
 */
export function withSets(entry: LogEntry, kind: SetKind, sets: Record<string, LoggedSet>, units: WeightUnit, rx: Rx): LogEntry {
  return { ...entry, sets, ...summaryOfSets(kind, sets), completedAsPrescribed: isAsPrescribed(kind, sets, rx, units) };
}

/**
 * The sets an entry stands for: its own, or — for a log written before sets — the sets its
 * summary numbers describe (N alike sets), so old logs read and compare like new ones.
 */
export function effectiveSets(entry: LogEntry): LoggedSet[] {
  const own = orderedSets(entry.sets).map(([, s]) => s);
  if (own.length > 0) return own;
  const n = entry.setsCompleted ?? (entry.durationMinutes !== null ? 1 : 0);
  const seconds = entry.durationMinutes === null ? null : Math.round((entry.durationMinutes * 60) / Math.max(n, 1));
  return Array.from({ length: n }, (_, i) => ({
    ...blank(i, entry.prescribed), done: true, reps: entry.repsCompleted, load: entry.weightUsed, seconds,
  }));
}

const num = (n: number) => String(Math.round(n * 100) / 100);
const duration = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : `${s} s`);

/** One set's values: "8 @ 60 kg", "12 (+10 kg)", "45 s", "5 km in 25:00". */
export function formatSet(kind: SetKind, s: LoggedSet, unit: WeightUnit): string {
  if (kind === 'timed') return duration(s.seconds ?? 0);
  if (kind === 'cardio') return [s.distanceM !== null ? `${num(s.distanceM / 1000)} km` : null, s.seconds !== null ? duration(s.seconds) : null].filter(Boolean).join(' in ') || 'done';
  const reps = s.reps === null ? '–' : String(s.reps);
  if (s.load === null) return reps;
  return kind === 'bodyweight' ? `${reps} (+${num(s.load)} ${unit})` : `${reps} @ ${num(s.load)} ${unit}`;
}

/** "3 × 8 @ 60 kg", "8 @ 60 kg, 6 @ 62.5 kg", "3 × 45 s", "5 km in 25:00", "3 × 10 (+10 kg)": the done working sets. */
export function formatSets(kind: SetKind, sets: LoggedSet[], unit: WeightUnit): string {
  const done = sets.filter((s) => s.done && !s.warmup);
  if (done.length === 0) return 'no sets done';
  const texts = done.map((s) => formatSet(kind, s, unit));
  if (texts.every((t) => t === texts[0])) return done.length === 1 ? texts[0]! : `${done.length} × ${texts[0]}`;
  return texts.join(', ');
}

/** What the client did last time at this exercise: the latest earlier entry with a set done. */
export function lastTimeOf(
  exerciseId: string,
  history: readonly { date: string; sessionId: string; entry: LogEntry }[],
  before: { date: string; sessionId: string },
): { date: string; entry: LogEntry; sets: LoggedSet[] } | null {
  let best: { date: string; entry: LogEntry; sets: LoggedSet[] } | null = null;
  for (const h of history) {
    if (h.entry.exerciseId !== exerciseId || h.sessionId === before.sessionId || h.date > before.date) continue;
    const sets = effectiveSets(h.entry);
    if (!sets.some((s) => s.done && !s.warmup)) continue;
    if (!best || h.date > best.date || (h.date === best.date && h.entry.loggedAt > best.entry.loggedAt)) best = { date: h.date, entry: h.entry, sets };
  }
  return best;
}

/**
 * The kind an entry was logged as, read from the entry itself (a merge has no exercise at
 * hand): minutes mean timed or cardio work (cardio when a distance was logged), else reps.
 */
export function kindOfEntry(entry: LogEntry): SetKind {
  if (entry.durationMinutes === null) return 'load';
  return Object.values(entry.sets ?? {}).some((s) => s.distanceM !== null) ? 'cardio' : 'timed';
}

/**
 * A merged log's summaries follow its merged sets: a merge keeps both devices' sets but each
 * entry's summary numbers from one side, which no longer describe them (three done sets on
 * one phone, two on the other: five sets, not three). Entries without sets are left as they are.
 */
export function withSetSummaries<L extends { entries: Record<string, LogEntry> }>(log: L): L {
  const entries: Record<string, LogEntry> = {};
  for (const [id, e] of Object.entries(log.entries)) {
    entries[id] = e.sets && Object.keys(e.sets).length > 0 ? withSets(e, kindOfEntry(e), e.sets, e.weightUnit, e.prescribed) : e;
  }
  return { ...log, entries };
}
