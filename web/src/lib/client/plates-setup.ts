import { DEFAULT_PLATES, parsePlates, type PlateSetup, type WeightUnit } from '@spotter/shared';

/** Reads the stored plate setups (plates-store.svelte.ts); anything unreadable falls back to the standard plates (never throws). */
export function parseSetups(raw: string | null): Record<WeightUnit, PlateSetup> {
  const out = { kg: DEFAULT_PLATES.kg, lb: DEFAULT_PLATES.lb };
  try {
    const stored = raw ? (JSON.parse(raw) as Partial<Record<WeightUnit, { bar?: unknown; plates?: unknown }>>) : {};
    for (const unit of ['kg', 'lb'] as const) {
      const s = stored[unit];
      const plates = typeof s?.plates === 'string' ? parsePlates(s.plates) : null;
      if (s && typeof s.bar === 'number' && s.bar >= 0 && s.bar <= 100 && plates) out[unit] = { unit, bar: s.bar, plates };
    }
  } catch {
    // a damaged entry: the defaults
  }
  return out;
}
