import type { LogEntry } from '@spotter/shared';

/**
 * The log form keeps what the client typed as text (so "62." or "" survive while typing)
 * and turns it into entry numbers; a field that does not parse is reported, not saved.
 */
export interface LogFields {
  sets: string;
  reps: string;
  weight: string;
  duration: string;
}

export const fieldsOf = (e: LogEntry): LogFields => ({
  sets: e.setsCompleted === null ? '' : String(e.setsCompleted),
  reps: e.repsCompleted === null ? '' : String(e.repsCompleted),
  weight: e.weightUsed === null ? '' : String(e.weightUsed),
  duration: e.durationMinutes === null ? '' : String(e.durationMinutes),
});

type Parsed = { ok: true; value: number | null } | { ok: false };

/** '' → null (not done / not measured); '62,5' and '62.5' → 62.5. */
export function parseNumber(text: string, { integer = false, max = Infinity } = {}): Parsed {
  const t = text.trim().replace(',', '.');
  if (t === '') return { ok: true, value: null };
  // "62." is a number half typed: read it as 62 rather than flash an error mid-keystroke.
  if (!/^\d+(\.\d*)?$/.test(t)) return { ok: false };
  const value = Number(t);
  if (integer && !Number.isInteger(value)) return { ok: false };
  if (value > max) return { ok: false };
  return { ok: true, value };
}

const limits = {
  sets: { key: 'setsCompleted', integer: true, max: 100 },
  reps: { key: 'repsCompleted', integer: true, max: 1000 },
  weight: { key: 'weightUsed', integer: false, max: 2000 },
  duration: { key: 'durationMinutes', integer: false, max: 1440 },
} as const;

/** The entry fields the valid text fields stand for, and the names of the invalid ones. */
export function patchFromFields(fields: LogFields): { patch: Partial<LogEntry>; invalid: (keyof LogFields)[] } {
  const patch: Partial<LogEntry> = {};
  const invalid: (keyof LogFields)[] = [];
  for (const name of Object.keys(limits) as (keyof LogFields)[]) {
    const { key, integer, max } = limits[name];
    const parsed = parseNumber(fields[name], { integer, max });
    if (parsed.ok) patch[key] = parsed.value;
    else invalid.push(name);
  }
  return { patch, invalid };
}
