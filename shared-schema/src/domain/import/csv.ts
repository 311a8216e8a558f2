import Papa from 'papaparse';
import { formats, type RowReader } from './formats.ts';
import type { ParsedHistory, ParsedWorkout, ParseOptions, ReadRow } from './types.ts';

export type { ParsedExercise, ParsedHistory, ParsedWorkout, ParseOptions } from './types.ts';

/**
 * Reading a workout history file (docs/DESIGN.md "Import"): Strong's and Hevy's CSV exports in
 * their real layouts and Spotter's own sets export, comma or semicolon separated, in kg or lb.
 * Pure: the device parses, the tests and the bench call it the same way.
 */

/** A file that cannot be read, with the line (1 = the header) a person can look at. */
export class ImportFileError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null = null) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.line = line;
  }
}

/** Spreadsheet exports often start with a byte-order mark and end lines with CR LF. */
const clean = (text: string) => text.replace(/^\uFEFF/, '');

/** The header line decides the delimiter: Strong writes ';' in some locales, ',' in others. */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function readHistoryCsv(text: string, opts: ParseOptions): ParsedHistory {
  const body = clean(text);
  if (!body.trim()) throw new ImportFileError('The file is empty.');
  const delimiter = delimiterOf(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) throw new ImportFileError('a quoted field is never closed.', (broken.row ?? 0) + 1);
  const [header, ...rows] = parsed.data;
  if (!header) throw new ImportFileError('The file is empty.');
  const columns = header.map((h) => h.trim());
  const format = formats.find((f) => f.fits(columns));
  if (!format) {
    throw new ImportFileError('This is not a Strong, Hevy or Spotter export: its first line does not have their columns (for example "Date;Workout Name;Exercise Name;Set Order;Weight;Reps" or "title,start_time,exercise_title,set_index,weight_kg,reps").', 1);
  }
  const reader: RowReader = format.reader(columns, { ...opts, decimalComma: delimiter === ';' });
  const workouts = new Map<string, ParsedWorkout>();
  rows.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== columns.length) throw new ImportFileError(`expected ${columns.length} fields but found ${cells.length}.`, line);
    let row: ReadRow;
    try {
      row = reader(cells);
    } catch (e) {
      throw new ImportFileError(e instanceof Error ? e.message : String(e), line);
    }
    let workout = workouts.get(row.workout.key);
    if (!workout) workouts.set(row.workout.key, (workout = { ...row.workout, exercises: [] }));
    // Consecutive rows of one exercise are one block; the same exercise later in the workout is another.
    let block = workout.exercises.at(-1);
    if (!block || block.name !== row.exercise.name || block.sourceId !== row.exercise.sourceId) {
      workout.exercises.push((block = { ...row.exercise, sets: [] }));
    }
    // The set's place in its block (not the file's own numbering, which repeats for warm-ups
    // in Strong's "W" and restarts per superset in Hevy): stable for the same file, so ids are.
    block.sets.push({ ...row.set, order: block.sets.length });
  });
  if (!workouts.size) throw new ImportFileError('The file has a header but no sets.', 2);
  return { source: format.source, workouts: [...workouts.values()], rows: rows.length };
}
