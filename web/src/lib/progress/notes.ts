import {
  addDaysTo,
  completionPerWeek,
  performedEntries,
  personalRecords,
  roundWeight,
  type Exercise,
  type MediaRef,
  type Message,
  type Note,
  type SessionLog,
  type TrainingSession,
  type WeightUnit,
} from '@spotter/shared';
import { setText } from './view.ts';

/**
 * Trainer notes, weekly summaries and resources: one `notes` collection, coach-written
 * (docs/DESIGN.md "One writer per document"). The client's devices only ever receive shared notes, summaries and
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
  /** An uploaded file (PDF, photo, video) a resource shares instead of a link (docs/DESIGN.md "Media storage"). */
  media?: MediaRef | null;
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
    ...(f.kind === 'resource' && f.media ? { media: f.media } : {}),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The client opened a shared resource (docs/DESIGN.md "Resources and views"): one `view`
 * message per opening, written by the client (never a change to the coach's resource
 * document), so openings on two offline devices add up instead of overwriting each other.
 */
export function newView(id: string, resource: Pick<Note, 'id' | 'coachId' | 'clientId'>, now: string): Message {
  return {
    id,
    kind: 'view',
    authorId: resource.clientId,
    authorRole: 'client',
    coachId: resource.coachId,
    clientId: resource.clientId,
    targetType: 'resource',
    targetId: resource.id,
    targetEntryId: null,
    rating: null,
    body: '',
    createdAt: now,
    updatedAt: now,
  };
}

export interface ResourceViews {
  count: number;
  /** The latest opening (an instant), or null when never opened. */
  lastAt: string | null;
}

/** How often the client opened each resource, and when last: resource id → views. */
export function viewsByResource(messages: readonly Message[]): Map<string, ResourceViews> {
  const out = new Map<string, ResourceViews>();
  for (const m of messages) {
    if (m.kind !== 'view' || m.targetType !== 'resource' || m.targetId === null) continue;
    const v = out.get(m.targetId) ?? { count: 0, lastAt: null };
    out.set(m.targetId, { count: v.count + 1, lastAt: v.lastAt === null || m.createdAt > v.lastAt ? m.createdAt : v.lastAt });
  }
  return out;
}

/** "Not opened yet", "Viewed once", "Viewed 3 times". */
export function viewsText(v: ResourceViews | undefined): string {
  const n = v?.count ?? 0;
  return n === 0 ? 'Not opened yet' : n === 1 ? 'Viewed once' : `Viewed ${n} times`;
}

/** Newest first; summaries by the week they describe. */
export function notesOfKind(notes: readonly Note[], kind: NoteKind): Note[] {
  return notes
    .filter((n) => n.kind === kind)
    .sort((a, b) => (kind === 'summary' ? (b.weekOf ?? '').localeCompare(a.weekOf ?? '') : 0) || b.createdAt.localeCompare(a.createdAt));
}

/**
 * A first draft of the weekly summary, from the week's data: sessions done,
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
