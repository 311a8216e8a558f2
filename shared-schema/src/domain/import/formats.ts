import type { WeightUnit } from '../../docs/common.ts';
import type { ImportSource } from '../../import.ts';
import { zonedInstant } from '../zoned-time.ts';
import type { ParseOptions, ReadRow } from './types.ts';

/**
 * The three layouts a history file may have (docs/DESIGN.md "Import"), each recognised by its
 * header and read row by row. A reader throws a plain message; csv.ts adds the line.
 */
export type RowReader = (cells: string[]) => ReadRow;
interface Format {
  source: ImportSource;
  fits: (columns: readonly string[]) => boolean;
  reader: (columns: readonly string[], opts: ParseOptions & { decimalComma: boolean }) => RowReader;
}

const MI = 1609.344;
const months: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

/** A cell getter by column name that names the column in its errors. */
function cellsOf(columns: readonly string[], decimalComma: boolean) {
  const at = new Map(columns.map((c, i) => [c.toLowerCase(), i]));
  return (cells: string[]) => {
    const str = (name: string) => (at.has(name) ? (cells[at.get(name)!] ?? '').trim() : '');
    const num = (name: string): number | null => {
      const raw = str(name);
      if (!raw) return null;
      const v = Number(decimalComma ? raw.replace(',', '.') : raw);
      if (!Number.isFinite(v) || v < 0) throw new Error(`"${raw}" in column ${name} is not a number.`);
      return v;
    };
    return { str, num, has: (name: string) => at.has(name) };
  };
}

/**
 * Every row of a workout repeats its start: the zone's offset (Intl, slow) is worked out once
 * per distinct time, in a cache that lives as long as one file's reading.
 */
function clockIn(timeZone: string): (raw: string) => { date: string; instant: string } {
  const seen = new Map<string, { date: string; instant: string }>();
  return (raw) => {
    let hit = seen.get(raw);
    if (!hit) seen.set(raw, (hit = readWallClock(raw, timeZone)));
    return hit;
  };
}

/** Wall-clock "2024-03-26 08:12:05", "2024-03-26 8:12:05 PM" or "26 Mar 2024, 08:12" → its day and instant in the zone. */
function readWallClock(raw: string, timeZone: string): { date: string; instant: string } {
  const t = raw.replace(/[\u202f\u00a0]/g, ' ').trim();
  let y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ampm = '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(t);
  const hevy = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(t);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    [h, mi, s, ampm] = [Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0), iso[7] ?? ''];
  } else if (hevy && months[hevy[2]!.toLowerCase()]) {
    [d, mo, y] = [Number(hevy[1]), months[hevy[2]!.toLowerCase()]!, Number(hevy[3])];
    [h, mi, s, ampm] = [Number(hevy[4]), Number(hevy[5]), Number(hevy[6] ?? 0), hevy[7] ?? ''];
  } else {
    throw new Error(`"${raw}" is not a date and time.`);
  }
  if (ampm) h = (h % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) throw new Error(`"${raw}" is not a date and time.`);
  const at = zonedInstant(date, `${pad(h)}:${pad(mi)}`, timeZone).getTime() + s * 1000;
  return { date, instant: new Date(at).toISOString() };
}

/** Strong's "1h 5m", "45m", "50s" → seconds. */
function strongDuration(raw: string): number | null {
  const m = /^(?:(\d+)h)?\s*(?:(\d+)m(?:in)?)?\s*(?:(\d+)s)?$/.exec(raw.trim());
  if (!raw.trim() || !m || (!m[1] && !m[2] && !m[3])) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** RPE lands on the log's scale: 1–10 in half steps, none when 0 or empty. */
const rpeOf = (v: number | null) => (v === null || v === 0 ? null : Math.min(10, Math.max(1, Math.round(v * 2) / 2)));
const intOf = (v: number | null) => (v === null ? null : Math.round(v));
const plus = (instant: string, seconds: number | null) => (seconds ? new Date(Date.parse(instant) + seconds * 1000).toISOString() : null);
const loadText = (load: number | null, unit: WeightUnit) => (load ? `${load} ${unit}` : '');
/** Strong and Hevy write 0 for a value a set does not have (a plank's reps, a pull-up's load). */
const given = (v: number | null) => (v ? v : null);
/** The target a set of Strong or Hevy stood for: its reps, or its time for a timed hold. */
const targetOf = (reps: number | null, seconds: number | null) => (reps !== null ? String(reps) : seconds !== null ? `${seconds} s` : '');

const strong: Format = {
  source: 'strong',
  fits: (c) => c.includes('Exercise Name') && c.includes('Set Order') && c.includes('Date'),
  reader: (columns, opts) => {
    const read = cellsOf(columns, opts.decimalComma);
    const clock = clockIn(opts.timeZone);
    return (cells) => {
      const { str, num, has } = read(cells);
      const when = clock(str('date'));
      // The older export names its units per row; the newer one is in the app's unit.
      const unitCell = str('weight unit').toLowerCase();
      const unit: WeightUnit = unitCell ? (unitCell.startsWith('lb') ? 'lb' : 'kg') : opts.unit;
      const distUnit = str('distance unit').toLowerCase() || (unit === 'lb' ? 'mi' : 'km');
      const distance = num('distance');
      const order = str('set order');
      const load = given(num('weight'));
      const reps = given(intOf(num('reps')));
      const seconds = given(intOf(num('seconds')));
      return {
        workout: {
          key: `${when.instant}|${str('workout name')}`, date: when.date, startedAt: when.instant,
          endedAt: has('duration') ? plus(when.instant, strongDuration(str('duration'))) : null,
          title: str('workout name').slice(0, 120), notes: str('workout notes').slice(0, 2000),
        },
        exercise: { name: str('exercise name').slice(0, 120), sourceId: null, loggedAt: null, unit, notes: str('notes').slice(0, 1000) },
        set: {
          warmup: /^w/i.test(order), done: true, reps, load, seconds,
          distanceM: distance ? distance * (distUnit.startsWith('mi') ? MI : distUnit === 'm' ? 1 : 1000) : null,
          rpe: rpeOf(num('rpe')), targetReps: targetOf(reps, seconds), targetWeight: loadText(load, unit),
        },
      };
    };
  },
};

const hevy: Format = {
  source: 'hevy',
  fits: (c) => c.includes('exercise_title') && c.includes('start_time') && c.includes('set_index'),
  reader: (columns, opts) => {
    const read = cellsOf(columns, opts.decimalComma);
    const unit: WeightUnit = columns.includes('weight_lbs') ? 'lb' : 'kg';
    const clock = clockIn(opts.timeZone);
    return (cells) => {
      const { str, num } = read(cells);
      const start = clock(str('start_time'));
      const end = str('end_time') ? clock(str('end_time')).instant : null;
      const load = given(unit === 'lb' ? num('weight_lbs') : num('weight_kg'));
      const km = num('distance_km');
      const miles = num('distance_miles');
      const reps = given(intOf(num('reps')));
      const seconds = given(intOf(num('duration_seconds')));
      return {
        workout: { key: `${start.instant}|${str('title')}`, date: start.date, startedAt: start.instant, endedAt: end, title: str('title').slice(0, 120), notes: str('description').slice(0, 2000) },
        exercise: { name: str('exercise_title').slice(0, 120), sourceId: null, loggedAt: null, unit, notes: str('exercise_notes').slice(0, 1000) },
        set: {
          warmup: str('set_type') === 'warmup', done: true, reps, load, seconds,
          distanceM: km ? km * 1000 : miles ? miles * MI : null,
          rpe: rpeOf(num('rpe')), targetReps: targetOf(reps, seconds), targetWeight: loadText(load, unit),
        },
      };
    };
  },
};

const bool = (raw: string, column: string) => {
  const v = raw.toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no' || v === '') return false;
  throw new Error(`"${raw}" in column ${column} is not true or false.`);
};

/** Spotter's own sets export: a client's export reimports with the same figures. */
const spotter: Format = {
  source: 'spotter',
  fits: (c) => c.includes('session_id') && c.includes('exercise_name') && c.includes('set_number') && c.includes('load_unit'),
  reader: (columns, opts) => {
    const read = cellsOf(columns, opts.decimalComma);
    const clock = clockIn(opts.timeZone);
    return (cells) => {
      const { str, num } = read(cells);
      const date = str('date');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" in column date is not a date (YYYY-MM-DD).`);
      const logged = str('logged_at');
      const startedAt = logged && !Number.isNaN(Date.parse(logged)) ? new Date(logged).toISOString() : clock(`${date} 12:00`).instant;
      const unitCell = str('load_unit');
      if (unitCell && unitCell !== 'kg' && unitCell !== 'lb') throw new Error(`"${unitCell}" in column load_unit is not kg or lb.`);
      if (!str('session_id')) throw new Error('the session_id column is empty.');
      return {
        workout: { key: str('session_id'), date, startedAt, endedAt: null, title: str('session_title').slice(0, 120), notes: '' },
        exercise: { name: str('exercise_name').slice(0, 120), sourceId: str('exercise_id') || null, loggedAt: logged ? startedAt : null, unit: (unitCell || opts.unit) as WeightUnit, notes: '' },
        set: {
          warmup: bool(str('warmup'), 'warmup'), done: bool(str('done'), 'done'), reps: intOf(num('reps')), load: num('load'),
          seconds: intOf(num('seconds')), distanceM: num('distance_m'), rpe: rpeOf(num('rpe')),
          targetReps: str('target_reps').slice(0, 20), targetWeight: str('target_weight').slice(0, 40),
        },
      };
    };
  },
};

export const formats: readonly Format[] = [strong, hevy, spotter];
