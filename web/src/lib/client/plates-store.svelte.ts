import { DEFAULT_PLATES, formatPlates, parsePlates, type PlateSetup, type WeightUnit } from '@spotter/shared';
import { parseSetups } from './plates-setup.ts';

const KEY = 'spotter-plates';

/**
 * The gym's bar and plates, per unit, kept on this device (docs/DESIGN.md "Plate calculator"):
 * it describes the equipment in front of the phone, not the person, so it is not synced.
 */
class PlatesStore {
  setups = $state<Record<WeightUnit, PlateSetup>>({ kg: DEFAULT_PLATES.kg, lb: DEFAULT_PLATES.lb });

  constructor() {
    if (typeof localStorage !== 'undefined') this.setups = parseSetups(localStorage.getItem(KEY));
    if (typeof window !== 'undefined') window.addEventListener('storage', (e) => e.key === KEY && (this.setups = parseSetups(e.newValue)));
  }

  save(unit: WeightUnit, bar: number, platesText: string) {
    const plates = parsePlates(platesText);
    if (!plates) return false;
    this.setups = { ...this.setups, [unit]: { unit, bar, plates } };
    if (typeof localStorage !== 'undefined') {
      const text = (u: WeightUnit) => formatPlates(this.setups[u].plates);
      localStorage.setItem(KEY, JSON.stringify({ kg: { bar: this.setups.kg.bar, plates: text('kg') }, lb: { bar: this.setups.lb.bar, plates: text('lb') } }));
    }
    return true;
  }

  reset(unit: WeightUnit) {
    this.setups = { ...this.setups, [unit]: DEFAULT_PLATES[unit] };
    this.save(unit, DEFAULT_PLATES[unit].bar, DEFAULT_PLATES[unit].plates.map((p) => p.weight).join(', '));
  }
}

export const plates = new PlatesStore();
