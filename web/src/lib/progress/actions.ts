import {
  recommend,
  type Exercise,
  type Message,
  type Note,
  type Recommendation,
  type SessionLog,
  type TrainingSession,
  type WeightUnit,
} from '@spotter/shared';
import type { Commands } from '../data/commands.ts';
import { newNote, newView, type NoteFields } from './notes.ts';
import { ratingDoc } from './ratings.ts';
import { newRecommendations, type Owner } from './recommendations.ts';

/**
 * The profile's writes, through the data layer's commands (validated with the shared zod
 * schemas, stored locally at once, synced when a connection exists). No network needed.
 */
export type Writer = Pick<Commands, 'saveRecommendation' | 'updateRecommendation' | 'saveMessage' | 'saveNote' | 'deleteNote' | 'newId'>;

export interface ClientHistory {
  sessions: readonly TrainingSession[];
  logs: readonly SessionLog[];
  exercises: readonly Pick<Exercise, 'id' | 'name' | 'pattern'>[];
  recommendations: readonly Recommendation[];
  units: WeightUnit;
  /** The client's ratings of earlier recommendations, by kind (`engineRatings`). */
  ratings?: readonly { kind: Recommendation['kind']; rating: number }[];
}

/**
 * Runs the rules engine on the client's local history and writes what is new as pending
 * recommendations (called when the coach opens the review). The client's ratings of earlier
 * ones move the priority of new ones of the same kind (the engine's `adjustForRatings`).
 */
export async function generateRecommendations(w: Writer, owner: Owner, h: ClientHistory, today: string, now = new Date().toISOString()): Promise<Recommendation[]> {
  const suggestions = recommend({ clientId: owner.clientId, today, units: h.units, sessions: h.sessions, logs: h.logs, exercises: h.exercises, ratings: h.ratings });
  const fresh = newRecommendations(suggestions, new Set(h.recommendations.map((r) => r.id)), owner, today, now);
  for (const r of fresh) await w.saveRecommendation(r);
  return fresh;
}

export const approveRecommendation = (w: Writer, id: string, changes: { title: string; reason: string }) =>
  w.updateRecommendation(id, { title: changes.title.trim() || 'Recommendation', reason: changes.reason.trim(), status: 'approved' });

export const editRecommendation = (w: Writer, id: string, changes: { title: string; reason: string }) =>
  w.updateRecommendation(id, { title: changes.title.trim() || 'Recommendation', reason: changes.reason.trim() });

export const dismissRecommendation = (w: Writer, id: string) => w.updateRecommendation(id, { status: 'dismissed' });

/** The client rates an approved recommendation (again: the same document changes). */
export const rateRecommendation = (w: Writer, rec: Recommendation, rating: number, comment: string, existing: Message | undefined): Promise<Message> =>
  w.saveMessage(ratingDoc(rec, rating, comment, existing, new Date().toISOString()));

export const saveNote = (w: Writer, owner: Owner, fields: NoteFields): Promise<Note> => w.saveNote(newNote(w.newId(), owner, fields, new Date().toISOString()));

export const deleteNote = (w: Writer, id: string) => w.deleteNote(id);

/** The client opened a shared resource: counted on the coach's side once synced. */
export const recordView = (w: Writer, resource: Note): Promise<Message> => w.saveMessage(newView(w.newId(), resource, new Date().toISOString()));
