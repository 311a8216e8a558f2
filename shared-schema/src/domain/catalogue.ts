import { z } from 'zod';
import type { Exercise, MovementPattern } from '../docs/exercises.ts';

/**
 * The exercise catalogue's facts (docs/DESIGN.md "Exercise catalogue"): a static, versioned
 * asset every device has, not synced documents. An exercise of the library points at an entry
 * with `catalogueId` and shows its photos and muscles; the coaching cues stay the library's own.
 */
export const catalogueMuscles = [
  'abdominals', 'abductors', 'adductors', 'biceps', 'calves', 'chest', 'forearms', 'glutes', 'hamstrings',
  'lats', 'lower back', 'middle back', 'neck', 'quadriceps', 'shoulders', 'traps', 'triceps',
] as const;
export const catalogueMuscle = z.enum(catalogueMuscles);
export type CatalogueMuscle = z.infer<typeof catalogueMuscle>;
export const catalogueLevel = z.enum(['beginner', 'intermediate', 'expert']);

export const catalogueEntrySchema = z.strictObject({
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().min(1).max(120),
  category: z.enum(['strength', 'stretching', 'plyometrics', 'strongman', 'powerlifting', 'cardio', 'olympic weightlifting']),
  force: z.enum(['push', 'pull', 'static']).nullable(),
  level: catalogueLevel,
  mechanic: z.enum(['compound', 'isolation']).nullable(),
  equipment: z.string().max(40).nullable(),
  primary: z.array(catalogueMuscle),
  secondary: z.array(catalogueMuscle),
  /** Each photo's width and height; photo n is `<id>/<n>.webp` (see catalogueFilter's photoUrl). */
  photos: z.array(z.tuple([z.number().int().positive(), z.number().int().positive()])),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

/** Where photo n of an entry is served (the static build's catalogue folder). */
export const photoUrl = (catalogueId: string, n = 0): string => `/catalogue/${encodeURIComponent(catalogueId)}/${n}.webp`;

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

export interface CatalogueFilter {
  query: string;
  muscle: CatalogueMuscle | '';
  equipment: string;
  level: CatalogueEntry['level'] | '';
}

/**
 * The picker's filter: every word typed appears in the name, category, equipment or a muscle;
 * the muscle filter matches primary muscles only (what the exercise trains, not what it
 * involves); names starting with the query first, then alphabetical.
 */
export function filterCatalogue(entries: readonly CatalogueEntry[], f: CatalogueFilter): CatalogueEntry[] {
  const words = norm(f.query).split(/\s+/).filter(Boolean);
  const q = words.join(' ');
  const hits = entries.filter((e) => {
    if (f.muscle && !e.primary.includes(f.muscle)) return false;
    if (f.equipment && (e.equipment ?? 'none') !== f.equipment) return false;
    if (f.level && e.level !== f.level) return false;
    const hay = norm([e.name, e.category, e.equipment ?? '', ...e.primary, ...e.secondary].join(' '));
    return words.every((w) => hay.includes(w));
  });
  const rank = (e: CatalogueEntry) => (q && norm(e.name).startsWith(q) ? 0 : q && norm(e.name).includes(q) ? 1 : 2);
  return hits.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The library's type for a catalogue category. */
export function typeOfCategory(category: CatalogueEntry['category']): Exercise['type'] {
  if (category === 'cardio') return 'cardio';
  if (category === 'stretching') return 'flexibility';
  return 'strength';
}

const hinge = new Set<string>(['hamstrings', 'glutes', 'lower back']);

/**
 * The movement pattern (what the training-balance radar counts) of a catalogue entry: by
 * category first (cardio, stretching), then carries by name, then the main muscle, then the
 * force. The catalogue has no pattern of its own.
 */
export function patternOf(e: Pick<CatalogueEntry, 'category' | 'force' | 'name' | 'primary'>): MovementPattern {
  if (e.category === 'cardio') return 'cardio';
  if (e.category === 'stretching') return 'mobility';
  if (/\b(carry|walk|yoke)\b/i.test(e.name) && e.category === 'strongman') return 'carry';
  const main = e.primary[0] ?? '';
  if (main === 'abdominals') return 'core';
  if (main === 'quadriceps') return 'squat';
  if (hinge.has(main)) return 'hinge';
  return e.force === 'pull' ? 'pull' : 'push';
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint, not a secret. */
function fnv(s: string, seed = 0x811c9dc5): string {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The id a coach's copy of a catalogue entry gets: the same on every device of that coach (two
 * devices adding it offline meet in one document), different per coach (a document has one
 * owner), and within the 64 characters of an id.
 */
export function adoptedId(coachId: string, catalogueId: string): string {
  const key = `${coachId}|${catalogueId}`;
  return `cat.${fnv(key)}${fnv(key, 0x01000193)}`;
}

/**
 * A catalogue entry taken into a coach's own library when the coach first prescribes it: only
 * the exercises in use become synced documents. The description starts empty for the coach's
 * own cues; muscles and photos come from the catalogue through catalogueId.
 */
export function exerciseFromCatalogue(e: CatalogueEntry, coachId: string, updatedAt: string): Exercise {
  return {
    id: adoptedId(coachId, e.id),
    ownerId: coachId,
    name: e.name,
    description: '',
    videoUrl: '',
    type: typeOfCategory(e.category),
    pattern: patternOf(e),
    muscleGroups: [...e.primary, ...e.secondary].slice(0, 12),
    catalogueId: e.id,
    updatedAt,
  };
}

/** An exercise's muscles: the catalogue's where it points at an entry, else its own muscle groups that the catalogue names. */
export function musclesOf(
  exercise: Pick<Exercise, 'catalogueId' | 'muscleGroups'>,
  catalogue: ReadonlyMap<string, CatalogueEntry>,
): { primary: CatalogueMuscle[]; secondary: CatalogueMuscle[] } {
  const entry = exercise.catalogueId ? catalogue.get(exercise.catalogueId) : undefined;
  if (entry) return { primary: entry.primary, secondary: entry.secondary };
  const known = new Set<string>(catalogueMuscles);
  return { primary: exercise.muscleGroups.filter((m): m is CatalogueMuscle => known.has(m)), secondary: [] };
}
