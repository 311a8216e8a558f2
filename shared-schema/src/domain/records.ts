import type { WeightUnit } from '../docs/common.ts';
import type { LogEntry } from '../docs/logs.ts';
import { convertWeight, estimatedOneRepMax, roundWeight } from './progress.ts';
import { effectiveSets } from './sets.ts';

/**
 * Personal records (docs/DESIGN.md "Sets"): per exercise, the heaviest load, the best
 * estimated one-rep max (Epley: load × (1 + reps / 30), the formula the progress charts use),
 * the most reps at a load, and the best session volume (Σ load × reps of the done working
 * sets). Weights are compared in kg whatever unit each entry was logged in.
 */
export type RecordKind = 'heaviest' | 'e1rm' | 'reps' | 'volume';

export interface PersonalRecord {
  exerciseId: string;
  kind: RecordKind;
  /** kg for heaviest, e1rm and volume; reps for reps (at `atKg`). */
  value: number;
  atKg: number | null;
  date: string;
  sessionId: string;
}

interface Logged {
  date: string;
  sessionId: string;
  entry: LogEntry;
}

/** The records one entry sets on its own. */
export function recordsOfEntry(h: Logged): PersonalRecord[] {
  const done = effectiveSets(h.entry).filter((s) => s.done && !s.warmup && s.load !== null && s.load > 0 && (s.reps ?? 0) > 0);
  if (done.length === 0) return [];
  const kg = (v: number) => convertWeight(v, h.entry.weightUnit, 'kg');
  const base = { exerciseId: h.entry.exerciseId, date: h.date, sessionId: h.sessionId };
  const heaviest = Math.max(...done.map((s) => kg(s.load!)));
  const e1rm = Math.max(...done.map((s) => estimatedOneRepMax(kg(s.load!), s.reps) ?? 0));
  const volume = done.reduce((sum, s) => sum + kg(s.load!) * s.reps!, 0);
  const out: PersonalRecord[] = [
    { ...base, kind: 'heaviest', value: heaviest, atKg: null },
    { ...base, kind: 'e1rm', value: e1rm, atKg: null },
    { ...base, kind: 'volume', value: volume, atKg: null },
  ];
  // Most reps at each load lifted (a load is the same to 0.1 kg).
  const byLoad = new Map<number, number>();
  for (const s of done) byLoad.set(roundWeight(kg(s.load!)), Math.max(byLoad.get(roundWeight(kg(s.load!))) ?? 0, s.reps!));
  for (const [atKg, reps] of byLoad) out.push({ ...base, kind: 'reps', value: reps, atKg });
  return out;
}

const keyOf = (r: PersonalRecord) => `${r.exerciseId}/${r.kind}/${r.atKg ?? ''}`;

/** The best of each record over a history, the earliest entry that reached it holding it. */
export function bestRecords(history: readonly Logged[]): PersonalRecord[] {
  const best = new Map<string, PersonalRecord>();
  const ordered = [...history].sort((a, b) => a.date.localeCompare(b.date) || a.entry.loggedAt.localeCompare(b.entry.loggedAt));
  for (const h of ordered) {
    for (const r of recordsOfEntry(h)) {
      const held = best.get(keyOf(r));
      if (!held || r.value > held.value + 1e-9) best.set(keyOf(r), r);
    }
  }
  return [...best.values()];
}

/**
 * The records this entry set over everything logged before it (a first time at an exercise
 * sets none: there was nothing to beat). Most reps counts only at a load lifted before.
 */
export function newRecords(entry: Logged, history: readonly Logged[]): PersonalRecord[] {
  const before = bestRecords(history.filter((h) => h.entry.exerciseId === entry.entry.exerciseId && h.sessionId !== entry.sessionId && h.date <= entry.date));
  if (before.length === 0) return [];
  const held = new Map(before.map((r) => [keyOf(r), r]));
  return recordsOfEntry(entry).filter((r) => {
    const h = held.get(keyOf(r));
    return h !== undefined && r.value > h.value + 1e-9;
  });
}

/** "Heaviest: 65 kg", "Best e1RM: 78 kg", "Most reps at 60 kg: 10", "Best volume: 1,245 kg" in the viewer's unit. */
export function formatRecord(r: PersonalRecord, unit: WeightUnit): string {
  const w = (kg: number) => `${roundWeight(convertWeight(kg, 'kg', unit))} ${unit}`;
  switch (r.kind) {
    case 'heaviest':
      return `Heaviest: ${w(r.value)}`;
    case 'e1rm':
      return `Best e1RM: ${w(r.value)}`;
    case 'reps':
      return `Most reps at ${w(r.atKg!)}: ${r.value}`;
    case 'volume':
      return `Best volume: ${Math.round(convertWeight(r.value, 'kg', unit))} ${unit}`;
  }
}

/** Every logged entry with its session's due date: the history records and "last time" read. */
export function loggedHistory(sessions: readonly { id: string; dueDate: string }[], logs: readonly { sessionId: string; entries: Record<string, LogEntry> }[]): Logged[] {
  const dueOf = new Map(sessions.map((s) => [s.id, s.dueDate]));
  const out: Logged[] = [];
  for (const l of logs) for (const entry of Object.values(l.entries)) out.push({ date: dueOf.get(l.sessionId) ?? entry.loggedAt.slice(0, 10), sessionId: l.sessionId, entry });
  return out;
}
