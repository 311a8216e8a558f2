import type { Exercise, MovementPattern } from '../../docs/exercises.ts';
import type { ImportExercise, ImportRequest, ImportWorkout } from '../../import.ts';
import { patternOf, typeOfCategory, type CatalogueEntry } from '../catalogue.ts';
import type { ParsedHistory } from './types.ts';

/**
 * Matching a file's exercise names to the library and the catalogue, and turning the reviewed
 * history into the request `POST /api/import` takes (docs/DESIGN.md "Import").
 */

/** What the person decided for one name of the file. */
export type NameDecision =
  | { kind: 'library'; exerciseId: string }
  | { kind: 'catalogue'; entry: CatalogueEntry }
  | { kind: 'custom'; type: Exercise['type']; pattern: MovementPattern }
  | { kind: 'skip' };

/** "Bench Press (Barbell)" and "barbell bench-press" are one name: the same words, any order. */
export function nameKey(name: string): string {
  const words = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  return [...new Set(words)].sort().join(' ');
}

/** The distinct exercise names of a history, in first-seen order, with how many sets each has and its source id. */
export function namesOf(history: ParsedHistory): { name: string; sourceId: string | null; sets: number }[] {
  const out = new Map<string, { name: string; sourceId: string | null; sets: number }>();
  for (const w of history.workouts) for (const e of w.exercises) {
    const seen = out.get(e.name) ?? { name: e.name, sourceId: e.sourceId, sets: 0 };
    seen.sets += e.sets.length;
    out.set(e.name, seen);
  }
  return [...out.values()];
}

/**
 * The automatic match of each name, or null when the person must review it: the library by id
 * (a Spotter export's own exercise), then the library by name, then the catalogue by name.
 */
export function suggestMatches(
  names: readonly { name: string; sourceId: string | null }[],
  library: readonly Pick<Exercise, 'id' | 'name'>[],
  catalogue: readonly CatalogueEntry[],
): Map<string, NameDecision | null> {
  const byId = new Set(library.map((e) => e.id));
  const libByName = new Map(library.map((e) => [nameKey(e.name), e.id]));
  const catByName = new Map(catalogue.map((e) => [nameKey(e.name), e]));
  const match = (name: string, sourceId: string | null): NameDecision | null => {
    if (sourceId && byId.has(sourceId)) return { kind: 'library', exerciseId: sourceId };
    const key = nameKey(name);
    const lib = libByName.get(key);
    if (lib) return { kind: 'library', exerciseId: lib };
    const cat = catByName.get(key);
    return cat ? { kind: 'catalogue', entry: cat } : null;
  };
  return new Map(names.map(({ name, sourceId }) => [name, match(name, sourceId)]));
}

export interface ImportPreview {
  workouts: number;
  sets: number;
  from: string | null;
  to: string | null;
  /** Names that become new exercises in the coach's library. */
  newExercises: string[];
  skipped: string[];
}

/**
 * The request for the reviewed history: skipped names leave their sets out, a workout left with
 * nothing is left out; every name must have been decided (an undecided one throws).
 */
export function buildImportRequest(history: ParsedHistory, decisions: ReadonlyMap<string, NameDecision | null>, clientId: string): { request: ImportRequest | null; preview: ImportPreview } {
  const exercises: ImportExercise[] = [];
  const indexOf = new Map<string, number>();
  const newExercises: string[] = [];
  const skipped: string[] = [];
  for (const [name, d] of decisions) {
    if (!d) throw new Error(`"${name}" has not been reviewed.`);
    if (d.kind === 'skip') { skipped.push(name); continue; }
    indexOf.set(name, exercises.length);
    if (d.kind === 'library') exercises.push({ kind: 'library', exerciseId: d.exerciseId });
    else if (d.kind === 'custom') { exercises.push({ kind: 'custom', name, type: d.type, pattern: d.pattern }); newExercises.push(name); }
    else {
      const e = d.entry;
      exercises.push({ kind: 'catalogue', catalogueId: e.id, name: e.name, type: typeOfCategory(e.category), pattern: patternOf(e), muscleGroups: [...e.primary, ...e.secondary].slice(0, 12) });
      newExercises.push(e.name);
    }
  }
  const workouts: ImportWorkout[] = [];
  let sets = 0;
  for (const w of history.workouts) {
    const kept = w.exercises.filter((e) => indexOf.has(e.name)).slice(0, 60);
    if (!kept.length) continue;
    const { exercises: _all, ...rest } = w;
    workouts.push({ ...rest, exercises: kept.map((e) => ({ exercise: indexOf.get(e.name)!, unit: e.unit, notes: e.notes, loggedAt: e.loggedAt, sets: e.sets.slice(0, 100) })) });
    sets += kept.reduce((n, e) => n + Math.min(100, e.sets.length), 0);
  }
  const dates = workouts.map((w) => w.date).sort();
  const preview = { workouts: workouts.length, sets, from: dates[0] ?? null, to: dates.at(-1) ?? null, newExercises: [...new Set(newExercises)], skipped };
  return { request: workouts.length ? { clientId, source: history.source, exercises, workouts } : null, preview };
}
