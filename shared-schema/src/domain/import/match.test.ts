import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../catalogue.ts';
import { readHistoryCsv } from './csv.ts';
import { buildImportRequest, nameKey, namesOf, suggestMatches, type NameDecision } from './match.ts';

const entry = (id: string, name: string): CatalogueEntry => ({ id, name, category: 'strength', force: 'push', level: 'beginner', mechanic: 'compound', equipment: 'barbell', primary: ['chest'], secondary: ['triceps'], photos: [] });
const strong = `Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes
2024-01-01 10:00:00;A;Bench Press (Barbell);1;60;kg;8;;;;0;;
2024-01-01 10:00:00;A;Zottman Curl;1;10;kg;12;;;;0;;
2024-01-03 10:00:00;B;Zottman Curl;1;10;kg;12;;;;0;;
2024-01-05 10:00:00;C;Hip Airplane;1;0;kg;5;;;;0;;
`;

describe('nameKey', () => {
  it.each([
    ['Bench Press (Barbell)', 'barbell bench press'],
    ['barbell  bench-press', 'barbell bench press'],
    ['Café Curl', 'cafe curl'],
  ])('%s → %s', (name, key) => expect(nameKey(name)).toBe(key));
});

describe('suggestMatches', () => {
  const names = [{ name: 'Bench Press (Barbell)', sourceId: null }, { name: 'Zottman Curl', sourceId: null }, { name: 'Renamed', sourceId: 'ex.1' }, { name: 'Hip Airplane', sourceId: null }];
  const m = suggestMatches(names, [{ id: 'ex.1', name: 'Squat' }, { id: 'ex.2', name: 'Barbell Bench Press' }], [entry('Zottman_Curl', 'Zottman Curl')]);
  it.each([
    // The library first, by the same words in any order.
    ['Bench Press (Barbell)', { kind: 'library', exerciseId: 'ex.2' }],
    // Then the catalogue.
    ['Zottman Curl', { kind: 'catalogue' }],
    // A Spotter export's own exercise id wins over its name.
    ['Renamed', { kind: 'library', exerciseId: 'ex.1' }],
    // Nothing matches: the person reviews it.
    ['Hip Airplane', null],
  ])('%s', (name, expected) => expect(m.get(name) ?? null).toEqual(expected === null ? null : expect.objectContaining(expected)));
});

describe('buildImportRequest', () => {
  const history = readHistoryCsv(strong, { unit: 'kg', timeZone: 'UTC' });
  const decisions = new Map<string, NameDecision | null>([
    ['Bench Press (Barbell)', { kind: 'library', exerciseId: 'ex.2' }],
    ['Zottman Curl', { kind: 'custom', type: 'strength', pattern: 'pull' }],
    ['Hip Airplane', { kind: 'skip' }],
  ]);

  it('leaves skipped names out, and a workout left with nothing', () => {
    const { request, preview } = buildImportRequest(history, decisions, 'm1');
    expect(namesOf(history).map((n) => [n.name, n.sets])).toEqual([['Bench Press (Barbell)', 1], ['Zottman Curl', 2], ['Hip Airplane', 1]]);
    expect(request!.workouts.map((w) => w.title)).toEqual(['A', 'B']);
    expect(request!.exercises).toEqual([{ kind: 'library', exerciseId: 'ex.2' }, { kind: 'custom', name: 'Zottman Curl', type: 'strength', pattern: 'pull' }]);
    expect(preview).toEqual({ workouts: 2, sets: 3, from: '2024-01-01', to: '2024-01-03', newExercises: ['Zottman Curl'], skipped: ['Hip Airplane'] });
  });

  it('refuses to build while a name is not reviewed', () => {
    expect(() => buildImportRequest(history, new Map([...decisions, ['Hip Airplane', null]]), 'm1')).toThrow(/Hip Airplane/);
  });

  it('has nothing to send when everything is skipped', () => {
    const all = new Map([...decisions.keys()].map((k) => [k, { kind: 'skip' } as NameDecision]));
    expect(buildImportRequest(history, all, 'm1').request).toBeNull();
  });
});
