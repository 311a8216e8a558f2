import { describe, expect, it } from 'vitest';
import { exercise } from '@spotter/shared/fixtures.ts';
import type { CatalogueEntry, CatalogueFilter } from '@spotter/shared';
import { pickerOptions } from './picker-options.ts';

const entry = (id: string, name: string, o: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
  id, name, category: 'strength', force: 'push', level: 'beginner', mechanic: 'compound', equipment: 'barbell',
  primary: ['chest'], secondary: [], photos: [[320, 214], [320, 214]], ...o,
});
const entries = new Map(
  [
    entry('Barbell_Squat', 'Barbell Squat', { primary: ['quadriceps'] }),
    entry('Barbell_Bench', 'Barbell Bench Press', { level: 'intermediate' }),
    entry('Pushups', 'Pushups', { equipment: 'body only' }),
    entry('Goblet_Squat', 'Goblet Squat', { equipment: 'kettlebells', primary: ['quadriceps'] }),
  ].map((e) => [e.id, e]),
);
const library = [
  exercise({ id: 'ex-squat', name: 'Back Squat', catalogueId: 'Barbell_Squat', muscleGroups: ['legs'] }),
  exercise({ id: 'ex-bench', name: 'Bench Press', catalogueId: 'Barbell_Bench', muscleGroups: ['chest'] }),
  exercise({ id: 'ex-mine', name: 'Sled Push', catalogueId: null, muscleGroups: ['quadriceps'] }),
  exercise({ id: 'ex-old', name: 'Wall Sit', muscleGroups: ['legs'] }),
];
const none: CatalogueFilter = { query: '', muscle: '', equipment: '', level: '' };

describe('pickerOptions', () => {
  it.each<[string, Partial<CatalogueFilter>, string[], string[]]>([
    ['nothing typed or filtered: nothing offered', {}, [], []],
    ['a search finds the library and the catalogue, without entries the library links to', { query: 'squat' }, ['Back Squat'], ['Goblet Squat']],
    ['a muscle filter reaches the library through the catalogue, or its own muscle groups', { muscle: 'quadriceps' }, ['Back Squat', 'Sled Push'], ['Goblet Squat']],
    ['equipment: a library exercise without an entry is not a match', { equipment: 'barbell' }, ['Back Squat', 'Bench Press'], []],
    ['level', { level: 'intermediate' }, ['Bench Press'], []],
    ['search and filter combine', { query: 'p', equipment: 'body only' }, [], ['Pushups']],
  ])('%s', (_, f, lib, cat) => {
    const got = pickerOptions(library, entries, { ...none, ...f });
    expect([got.library.map((e) => e.name), got.catalogue.map((e) => e.name)]).toEqual([lib, cat]);
  });
});
