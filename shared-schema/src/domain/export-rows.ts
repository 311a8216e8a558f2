import type { LogEntry, SessionLog } from '../docs/logs.ts';
import type { Message } from '../docs/messages.ts';
import type { Note } from '../docs/notes.ts';
import type { Person } from '../docs/people.ts';
import type { Plan } from '../docs/plans.ts';
import type { TrainingSession } from '../docs/sessions.ts';
import { effectiveSets } from './sets.ts';

/**
 * The rows of an export's CSV files (docs/DESIGN.md "Export"), one function per file, shared
 * by the server's streamed ZIP and the device's offline copy. Cells are machine-readable:
 * ISO dates and instants, numbers as JavaScript writes them (dot decimals, no grouping), the
 * unit in its own column, booleans as true/false, nothing as an empty cell.
 */
export type Cell = string | number | null;
export type Row = Cell[];

/**
 * The sets file's columns, in this order: the import reads them back by name and position
 * (a client's export re-imported into a fresh account gives the same progress figures).
 */
export const setColumns = [
  'date', 'session_id', 'session_title', 'exercise_id', 'exercise_name', 'set_number', 'warmup', 'done', 'reps', 'load', 'load_unit',
  'seconds', 'distance_m', 'rpe', 'target_reps', 'target_weight', 'logged_at',
] as const;
export const sessionColumns = ['date', 'session_id', 'client_id', 'coach_id', 'title', 'status', 'exercise_count', 'plan_id', 'notes', 'created_at', 'updated_at'] as const;
export const messageColumns = ['created_at', 'message_id', 'client_id', 'coach_id', 'kind', 'author_id', 'author_role', 'target_type', 'target_id', 'rating', 'body'] as const;
export const noteColumns = ['created_at', 'note_id', 'client_id', 'coach_id', 'kind', 'title', 'body', 'url', 'private', 'week_of', 'updated_at'] as const;
export const planColumns = [
  'plan_id', 'client_id', 'coach_id', 'title', 'status', 'start_date', 'duration_weeks', 'day', 'exercise_id', 'exercise_name', 'sets', 'reps', 'weight', 'rest_seconds',
] as const;
export const personColumns = ['person_id', 'role', 'first_name', 'last_name', 'email', 'units'] as const;

/** The ZIP's CSV files and their header rows. */
export const csvFiles = {
  'sessions.csv': sessionColumns,
  'sets.csv': setColumns,
  'messages.csv': messageColumns,
  'notes.csv': noteColumns,
  'plans.csv': planColumns,
  'people.csv': personColumns,
} as const;
export type CsvFile = keyof typeof csvFiles;

/**
 * Free text that a spreadsheet would run as a formula (=, +, @, a tab or carriage return first)
 * gets a leading apostrophe: a coach's message must not become a live formula on the client's
 * computer (OWASP "CSV injection"). Numbers and ids never start so; '-' is left alone, since
 * "-5 min" is common text and a leading minus alone runs nothing.
 */
export function safeText(text: string): string {
  return /^[=+@\t\r]/.test(text) ? `'${text}` : text;
}

const bool = (b: boolean): string => (b ? 'true' : 'false');

export function sessionRow(s: TrainingSession): Row {
  return [s.dueDate, s.id, s.clientId, s.coachId, safeText(s.title), s.status, s.exercises.length, s.planId, safeText(s.notes), s.createdAt, s.updatedAt];
}

/**
 * One row per logged set, in the order the app shows them; an entry written before sets (no
 * `sets` record) is the sets its totals stand for, or one summary row (no set number) when
 * they stand for none. The session gives the date
 * and title; a log whose session the person no longer sees keeps its rows, dated by when it was
 * logged, without a title.
 */
export function setRows(log: SessionLog, session: Pick<TrainingSession, 'dueDate' | 'title' | 'exercises'> | null, exerciseName: (id: string) => string): Row[] {
  const rows: Row[] = [];
  const order = new Map(session?.exercises.map((rx, i) => [rx.id, i]) ?? []);
  const entries = Object.entries(log.entries).sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
  for (const [, entry] of entries) {
    // Without its session (unpublished or deleted since), the day it was logged (UTC) still dates the row.
    const head: Row = [session?.dueDate ?? entry.loggedAt.slice(0, 10), log.sessionId, session ? safeText(session.title) : null, entry.exerciseId, safeText(exerciseName(entry.exerciseId))];
    // An entry from before sets counts as the sets its totals stand for (effectiveSets, what
    // progress and records read), so an export reimports to the same figures.
    const sets = effectiveSets(entry);
    if (sets.length === 0) {
      rows.push([...head, null, bool(false), bool(true), ...summary(entry)]);
      continue;
    }
    sets.forEach((s, i) => {
      rows.push([
        ...head, i + 1, bool(s.warmup), bool(s.done), s.reps, s.load, s.load === null ? null : entry.weightUnit, s.seconds, s.distanceM, s.rpe,
        safeText(s.targetReps), safeText(s.targetWeight), entry.loggedAt,
      ]);
    });
  }
  return rows;
}

function summary(e: LogEntry): Row {
  const seconds = e.durationMinutes === null ? null : Math.round(e.durationMinutes * 60);
  return [e.repsCompleted, e.weightUsed, e.weightUsed === null ? null : e.weightUnit, seconds, null, null, safeText(e.prescribed.reps), safeText(e.prescribed.weight), e.loggedAt];
}

export function messageRow(m: Message): Row {
  return [m.createdAt, m.id, m.clientId, m.coachId, m.kind, m.authorId, m.authorRole, m.targetType, m.targetId, m.rating, safeText(m.body)];
}

export function noteRow(n: Note): Row {
  return [n.createdAt, n.id, n.clientId, n.coachId, n.kind, safeText(n.title), safeText(n.body), n.url, bool(n.isPrivate), n.weekOf, n.updatedAt];
}

/** One row per prescribed exercise of each day; a plan without exercises is one row. */
export function planRows(p: Plan, exerciseName: (id: string) => string): Row[] {
  const head: Row = [p.id, p.clientId, p.coachId, safeText(p.title), p.status, p.startDate, p.durationWeeks];
  const rows: Row[] = p.days.flatMap((d) => d.exercises.map((rx): Row => [...head, d.day, rx.exerciseId, safeText(exerciseName(rx.exerciseId)), rx.sets, safeText(rx.reps), safeText(rx.weight), rx.restSeconds]));
  return rows.length ? rows : [[...head, null, null, null, null, null, null, null]];
}

export function personRow(p: Person): Row {
  return [p.id, p.role, safeText(p.firstName), safeText(p.lastName), p.email, p.units];
}

/**
 * A document as exported: without `fieldClocks`, the sync's bookkeeping of who changed which
 * field when, which means nothing outside Spotter.
 */
export function exportedDoc<D extends object>(doc: D): Omit<D, 'fieldClocks'> {
  const { fieldClocks: _clocks, ...rest } = doc as D & { fieldClocks?: unknown };
  return rest;
}
