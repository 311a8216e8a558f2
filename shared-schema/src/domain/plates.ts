import type { WeightUnit } from '../docs/common.ts';

/** A gym's bar and plates (docs/DESIGN.md "Plate calculator"). */
export interface PlateSetup {
  unit: WeightUnit;
  bar: number;
  /** Plate weights available, each with how many pairs there are (null: as many as needed). */
  plates: { weight: number; pairs: number | null }[];
}

export const DEFAULT_PLATES: Record<WeightUnit, PlateSetup> = {
  kg: { unit: 'kg', bar: 20, plates: [25, 20, 15, 10, 5, 2.5, 1.25].map((weight) => ({ weight, pairs: null })) },
  lb: { unit: 'lb', bar: 45, plates: [45, 35, 25, 10, 5, 2.5].map((weight) => ({ weight, pairs: null })) },
};

export type PlateAnswer =
  | { kind: 'plates'; perSide: number[]; total: number; exact: boolean }
  | { kind: 'below-bar'; bar: number }
  | { kind: 'invalid' };

// Work in hundredths: 1.25 kg plates and 2.5 lb plates must add up exactly, not as floats.
const cents = (n: number) => Math.round(n * 100);

/**
 * The plates to load on each side of the bar for a target weight: heaviest first, as many of
 * each as fit and are available, never over the target. When the plates cannot make the
 * target exactly, the answer is the nearest load below it (`exact: false`, `total` says what
 * the bar will weigh), since a lifter rounds down to what the plates make, never up.
 */
export function platesFor(target: number, setup: PlateSetup): PlateAnswer {
  if (!Number.isFinite(target) || target <= 0 || !(setup.bar >= 0)) return { kind: 'invalid' };
  if (cents(target) < cents(setup.bar)) return { kind: 'below-bar', bar: setup.bar };
  let side = Math.floor((cents(target) - cents(setup.bar)) / 2);
  const perSide: number[] = [];
  const plates = setup.plates.filter((p) => p.weight > 0 && (p.pairs === null || p.pairs > 0)).sort((a, b) => b.weight - a.weight);
  for (const p of plates) {
    const w = cents(p.weight);
    let n = Math.floor(side / w);
    if (p.pairs !== null) n = Math.min(n, p.pairs);
    for (let i = 0; i < n; i++) perSide.push(p.weight);
    side -= n * w;
  }
  const total = (cents(setup.bar) + 2 * perSide.reduce((a, w) => a + cents(w), 0)) / 100;
  return { kind: 'plates', perSide, total, exact: cents(total) === cents(target) };
}

/** Reads "25, 20, 10x2, 5" (a weight, optionally × pairs) into plates; null when unreadable. */
export function parsePlates(text: string): PlateSetup['plates'] | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const out: PlateSetup['plates'] = [];
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)(?:[x×*](\d+))?$/i.exec(part);
    if (!m) return null;
    const weight = Number(m[1]);
    if (!(weight > 0) || weight > 100) return null;
    out.push({ weight, pairs: m[2] ? Number(m[2]) : null });
  }
  return out.length ? out : null;
}

export const formatPlates = (plates: PlateSetup['plates']): string => plates.map((p) => (p.pairs === null ? `${p.weight}` : `${p.weight}x${p.pairs}`)).join(', ');

const barbellName = /\b(barbell|deadlift|bench press|back squat|front squat|overhead press|military press|hip thrust)\b/i;

/**
 * Whether the plate calculator is offered: a catalogue barbell exercise, or a name that says
 * barbell when there is no catalogue entry (undefined: the library's own exercises have no
 * equipment field; null: the catalogue says no equipment).
 */
export function isBarbellLift(name: string, equipment: string | null | undefined): boolean {
  if (equipment !== undefined) return equipment === 'barbell';
  return barbellName.test(name);
}
