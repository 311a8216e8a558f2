import { describe, expect, it } from 'vitest';
import { exerciseSchema } from '../docs/exercises.ts';
import {
  adoptedId,
  catalogueEntrySchema,
  exerciseFromCatalogue,
  filterCatalogue,
  musclesOf,
  patternOf,
  photoUrl,
  typeOfCategory,
  type CatalogueEntry,
  type CatalogueFilter,
} from './catalogue.ts';

const entry = (o: Partial<CatalogueEntry> & Pick<CatalogueEntry, 'id' | 'name'>): CatalogueEntry => ({
  category: 'strength',
  force: 'push',
  level: 'beginner',
  mechanic: 'compound',
  equipment: 'barbell',
  primary: ['chest'],
  secondary: [],
  photos: [[320, 214], [320, 214]],
  ...o,
});

const bench = entry({ id: 'Barbell_Bench_Press', name: 'Barbell Bench Press', primary: ['chest'], secondary: ['shoulders', 'triceps'], level: 'intermediate' });
const squat = entry({ id: 'Barbell_Squat', name: 'Barbell Squat', primary: ['quadriceps'], secondary: ['glutes', 'hamstrings'] });
const pushup = entry({ id: 'Pushups', name: 'Pushups', equipment: 'body only', primary: ['chest'], secondary: ['triceps'] });
const plank = entry({ id: 'Plank', name: 'Plank', force: 'static', equipment: 'body only', primary: ['abdominals'], level: 'beginner' });
const roll = entry({ id: 'Roll', name: 'Calf Roll', category: 'stretching', force: null, equipment: null, primary: ['calves'] });
const all = [squat, plank, bench, pushup, roll];
const none: CatalogueFilter = { query: '', muscle: '', equipment: '', level: '' };

describe('filterCatalogue', () => {
  it.each<[string, Partial<CatalogueFilter>, string[]]>([
    ['everything, alphabetical', {}, ['Barbell Bench Press', 'Barbell Squat', 'Calf Roll', 'Plank', 'Pushups']],
    ['a primary muscle', { muscle: 'chest' }, ['Barbell Bench Press', 'Pushups']],
    ['a secondary muscle is not a muscle filter hit', { muscle: 'triceps' }, []],
    ['equipment', { equipment: 'body only' }, ['Plank', 'Pushups']],
    ['no equipment is "none"', { equipment: 'none' }, ['Calf Roll']],
    ['level', { level: 'intermediate' }, ['Barbell Bench Press']],
    ['filters combine', { muscle: 'chest', equipment: 'barbell' }, ['Barbell Bench Press']],
    ['every word must match (name, equipment or muscle)', { query: 'barbell quadriceps' }, ['Barbell Squat']],
    ['a secondary muscle matches the text search', { query: 'triceps' }, ['Barbell Bench Press', 'Pushups']],
    ['a name starting with the query comes first', { query: 'p' }, ['Plank', 'Pushups', 'Barbell Bench Press', 'Barbell Squat']],
    ['accents and case do not matter', { query: 'PLÁNK' }, ['Plank']],
    ['no match', { query: 'zzz' }, []],
  ])('%s', (_, f, names) => {
    expect(filterCatalogue(all, { ...none, ...f }).map((e) => e.name)).toEqual(names);
  });
});

describe('patternOf and typeOfCategory', () => {
  it.each<[Partial<CatalogueEntry>, string, string]>([
    [{ category: 'cardio', primary: ['quadriceps'] }, 'cardio', 'cardio'],
    [{ category: 'stretching', primary: ['hamstrings'] }, 'mobility', 'flexibility'],
    [{ category: 'strongman', name: "Farmer's Walk", primary: ['forearms'] }, 'carry', 'strength'],
    [{ category: 'strength', name: 'Walking Lunge', primary: ['quadriceps'] }, 'squat', 'strength'],
    [{ primary: ['abdominals'], force: 'static' }, 'core', 'strength'],
    [{ primary: ['hamstrings'], force: 'pull' }, 'hinge', 'strength'],
    [{ category: 'powerlifting', primary: ['lower back'], force: 'pull' }, 'hinge', 'strength'],
    [{ category: 'olympic weightlifting', primary: ['shoulders'], force: 'push' }, 'push', 'strength'],
    [{ primary: ['lats'], force: 'pull' }, 'pull', 'strength'],
    [{ primary: ['biceps'], force: null }, 'push', 'strength'],
  ])('%o → %s, %s', (o, pattern, type) => {
    const e = entry({ id: 'x', name: 'X', ...o });
    expect([patternOf(e), typeOfCategory(e.category)]).toEqual([pattern, type]);
  });
});

describe('exerciseFromCatalogue', () => {
  it('makes a valid exercise of the coach, linked to the entry, with no cues of its own', () => {
    const ex = exerciseFromCatalogue(bench, 'coach-1', '2026-03-01T10:00:00.000Z');
    expect(exerciseSchema.parse(ex)).toEqual(ex);
    expect(ex).toMatchObject({ ownerId: 'coach-1', name: 'Barbell Bench Press', catalogueId: 'Barbell_Bench_Press', description: '', pattern: 'push', type: 'strength', muscleGroups: ['chest', 'shoulders', 'triceps'] });
  });
  it('gives one id per coach and entry: stable, distinct across coaches and entries, a valid id', () => {
    const long = 'x'.repeat(58);
    expect(adoptedId('coach-1', 'Plank')).toBe(adoptedId('coach-1', 'Plank'));
    expect(adoptedId('coach-1', 'Plank')).not.toBe(adoptedId('coach-2', 'Plank'));
    expect(adoptedId('coach-1', 'Plank')).not.toBe(adoptedId('coach-1', 'Pushups'));
    expect(exerciseSchema.shape.id.safeParse(adoptedId('0190f3a4-7b1c-7def-8123-456789abcdef', long)).success).toBe(true);
  });
});

describe('musclesOf', () => {
  const byId = new Map(all.map((e) => [e.id, e]));
  it.each<[string, { catalogueId?: string | null; muscleGroups: string[] }, object]>([
    ['the catalogue entry wins over the own muscle groups', { catalogueId: 'Barbell_Squat', muscleGroups: ['core'] }, { primary: ['quadriceps'], secondary: ['glutes', 'hamstrings'] }],
    ['no entry: the own groups the catalogue names', { catalogueId: null, muscleGroups: ['chest', 'core', 'triceps'] }, { primary: ['chest', 'triceps'], secondary: [] }],
    ['an unknown entry falls back the same way', { catalogueId: 'Gone', muscleGroups: ['glutes'] }, { primary: ['glutes'], secondary: [] }],
    ['no field at all (written before the catalogue)', { muscleGroups: [] }, { primary: [], secondary: [] }],
  ])('%s', (_, ex, want) => {
    expect(musclesOf(ex, byId)).toEqual(want);
  });
});

describe('the catalogue shipped with the app', async () => {
  const { readFileSync, existsSync } = await import('node:fs');
  const root = new URL('../../../', import.meta.url);
  const entries = JSON.parse(readFileSync(new URL('web/src/lib/catalogue/catalogue.json', root), 'utf8')) as unknown[];
  it('holds every exercise, each valid, with distinct ids and two photos on disk', () => {
    expect(entries).toHaveLength(873);
    const parsed = entries.map((e) => catalogueEntrySchema.parse(e));
    expect(new Set(parsed.map((e) => e.id)).size).toBe(873);
    for (const e of parsed) {
      expect(e.photos).toHaveLength(2);
      for (const n of [0, 1]) expect(existsSync(new URL(`web/static${decodeURIComponent(photoUrl(e.id, n))}`, root))).toBe(true);
    }
  });
});
