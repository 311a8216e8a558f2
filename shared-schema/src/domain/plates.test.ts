import { describe, expect, it } from 'vitest';
import { DEFAULT_PLATES, formatPlates, isBarbellLift, parsePlates, platesFor, type PlateSetup } from './plates.ts';

const kg = DEFAULT_PLATES.kg;
const lb = DEFAULT_PLATES.lb;
const limited: PlateSetup = { unit: 'kg', bar: 20, plates: [{ weight: 20, pairs: 1 }, { weight: 10, pairs: 2 }, { weight: 5, pairs: null }] };

describe('platesFor: per side, heaviest first, never over the target', () => {
  it.each<[string, number, PlateSetup, ReturnType<typeof platesFor>]>([
    ['the empty bar', 20, kg, { kind: 'plates', perSide: [], total: 20, exact: true }],
    ['100 kg', 100, kg, { kind: 'plates', perSide: [25, 15], total: 100, exact: true }],
    ['142.5 kg', 142.5, kg, { kind: 'plates', perSide: [25, 25, 10, 1.25], total: 142.5, exact: true }],
    ['small plates add up exactly (no float drift)', 22.5, kg, { kind: 'plates', perSide: [1.25], total: 22.5, exact: true }],
    ['not makeable: the nearest load below', 101, kg, { kind: 'plates', perSide: [25, 15], total: 100, exact: false }],
    ['225 lb', 225, lb, { kind: 'plates', perSide: [45, 45], total: 225, exact: true }],
    ['135 lb', 135, lb, { kind: 'plates', perSide: [45], total: 135, exact: true }],
    ['185 lb', 185, lb, { kind: 'plates', perSide: [45, 25], total: 185, exact: true }],
    ['a limited plate set uses what there is', 120, limited, { kind: 'plates', perSide: [20, 10, 10, 5, 5], total: 120, exact: true }],
    ['a limited set that runs out of a size', 80, { ...limited, plates: [{ weight: 20, pairs: 1 }, { weight: 10, pairs: 1 }] }, { kind: 'plates', perSide: [20, 10], total: 80, exact: true }],
    ['more than the plates hold', 200, { ...limited, plates: [{ weight: 20, pairs: 1 }] }, { kind: 'plates', perSide: [20], total: 60, exact: false }],
    ['below the bar', 15, kg, { kind: 'below-bar', bar: 20 }],
    ['a 15 kg bar', 37.5, { ...kg, bar: 15 }, { kind: 'plates', perSide: [10, 1.25], total: 37.5, exact: true }],
    ['zero', 0, kg, { kind: 'invalid' }],
    ['not a number', Number.NaN, kg, { kind: 'invalid' }],
  ])('%s', (_, target, setup, want) => {
    expect(platesFor(target, setup)).toEqual(want);
  });
});

describe('parsePlates: the setup as typed', () => {
  it.each<[string, PlateSetup['plates'] | null]>([
    ['25, 20, 10', [{ weight: 25, pairs: null }, { weight: 20, pairs: null }, { weight: 10, pairs: null }]],
    ['20x2 1.25', [{ weight: 20, pairs: 2 }, { weight: 1.25, pairs: null }]],
    ['2.5×4; 5', [{ weight: 2.5, pairs: 4 }, { weight: 5, pairs: null }]],
    ['', null],
    ['heavy', null],
    ['0', null],
    ['-5', null],
  ])('%j', (text, want) => {
    expect(parsePlates(text)).toEqual(want);
  });
  it('formats what it reads', () => {
    expect(formatPlates(parsePlates('20x2, 10, 1.25')!)).toBe('20x2, 10, 1.25');
  });
});

describe('isBarbellLift', () => {
  it.each<[string, string | null | undefined, boolean]>([
    ['Barbell Squat', 'barbell', true],
    ['Goblet Squat', 'kettlebells', false],
    ['Bench Press', 'dumbbell', false], // the catalogue says how it is done
    ['Bench Press', undefined, true], // no catalogue entry: the name
    ['Conventional Deadlift', undefined, true],
    ['Barbell-free Plank', null, false],
    ['Push-up', undefined, false],
  ])('%s (%s) → %s', (name, equipment, want) => {
    expect(isBarbellLift(name, equipment)).toBe(want);
  });
});
