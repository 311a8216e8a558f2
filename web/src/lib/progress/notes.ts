import {
  addDaysTo,
  completionPerWeek,
  performedEntries,
  personalRecords,
  roundWeight,
  type Exercise,
  type Note,
  type SessionLog,
  type TrainingSession,
  type WeightUnit,
} from '@spotter/shared';
import { setText } from './view.ts';

/**
 * Trainer notes, weekly summaries and resources: one `notes` collection, coach-written
 * (DESIGN.md rule 1). The client's devices only ever receive shared notes, summaries and
 * resources (access.ts); `visibleToClient` says the same thing for the coach's preview.
 */
export type NoteKind = Note['kind'];

export const visibleToClient = (n: Pick<Note, 'kind' | 'isPrivate'>): boolean => n.kind !== 'note' || !n.isPrivate;

export interface NoteFields {
  kind: NoteKind;
  title: string;
  body: string;
  url: string;
  resourceType: string;
  isPrivate: boolean;
  weekOf: string | null;
}

export function newNote(id: string, owner: { coachId: string; clientId: string }, f: NoteFields, now: string): Note {
  return {
    id,
    ...owner,
    kind: f.kind,
    title: f.title.trim(),
    body: f.body.trim(),
    url: f.kind === 'resource' ? f.url.trim() : '',
    resourceType: f.kind === 'resource' ? f.resourceType.trim() : '',
    // Summaries and resources exist to be shared; only a trainer note can be private.
    isPrivate: f.kind === 'note' ? f.isPrivate : false,
    weekOf: f.kind === 'summary' ? f.weekOf : null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Newest first; summaries by the week they describe. */
export function notesOfKind(notes: readonly Note[], kind: NoteKind): Note[] {
  return notes
    .filter((n) => n.kind === kind)
    .sort((a, b) => (kind === 'summary' ? (b.weekOf ?? '').localeCompare(a.weekOf ?? '') : 0) || b.createdAt.localeCompare(a.createdAt));
}

/**
 * A first draft of the weekly summary (seed 001), from the week's data: sessions done,
 * volume, records set, and what the client wrote in their logs. The coach edits it before
 * sharing; nothing is sent automatically.
 */
export function draftWeeklySummary(
  weekOf: string,
  data: { sessions: readonly TrainingSession[]; logs: readonly SessionLog[]; exercises: readonly Pick<Exercise, 'id' | 'name'>[]; units: WeightUnit; today: string },
): { title: string; body: string } {
  const range = { from: weekOf, to: addDaysTo(weekOf, 6) };
  const week = completionPerWeek(data.sessions, data.logs, data.today, range)[0];
  const performed = performedEntries(data.logs, data.units, range);
  const volume = roundWeight(performed.reduce((a, p) => a + p.tonnage, 0));
  const name = (id: string) => data.exercises.find((e) => e.id === id)?.name ?? 'an exercise';
  // Records are judged against all history up to the week's end, but only this week's count.
  const prs = personalRecords(performedEntries(data.logs, data.units, { from: null, to: range.to }))
    .flatMap((r) => r.prs.filter((p) => p.date >= range.from))
    .map((p) => `${name(p.exerciseId)} ${setText(p, data.units)}`);
  const clientNotes = performed.map((p) => p.entry.notes.trim()).filter(Boolean);
  const lines = [
    week ? `Sessions: ${week.completed} of ${week.due} completed (${week.onTime} on time).` : 'No sessions were due this week.',
    `Volume: ${volume} ${data.units} over ${performed.length} exercise${performed.length === 1 ? '' : 's'}.`,
    prs.length ? `New personal records: ${prs.join('; ')}.` : 'No new personal records this week.',
    ...(clientNotes.length ? [`Your notes: ${clientNotes.map((n) => `“${n}”`).join(' ')}`] : []),
  ];
  return { title: `Week of ${weekOf}`, body: lines.join('\n') };
}
