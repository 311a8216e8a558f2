import { todayLocal, type Exercise, type TrainingSession } from '@spotter/shared';
import type { Device } from '../data/device.ts';
import { newComment, type CommentTarget } from '../comments/comments.ts';
import { duplicateSession, newDraft } from './draft.ts';

/** The part of a device the coach's pages write through (data layer README). */
export type CoachDevice = Pick<Device, 'put' | 'softDelete' | 'newId'>;

/**
 * The coach's writes, all local: RxDB persists them at once and the data layer syncs them
 * when it can, so none of these needs — or waits for — the network (DESIGN.md "The draft queue").
 */
export function coachWrites(device: CoachDevice, coachId: string, today: () => string = todayLocal) {
  const ids = () => ({ id: device.newId, now: new Date().toISOString() });
  return {
    /** "Add Session": a draft due today, which the coach changes first thing. */
    addDraft: (clientId: string) => device.put('sessions', newDraft(coachId, clientId, today(), ids())),
    save: (doc: TrainingSession) => device.put('sessions', doc),
    duplicate: (doc: TrainingSession) => device.put('sessions', duplicateSession(doc, ids(), today(), coachId)),
    /** Soft delete, so the coach's other devices drop it too; `restore` undoes it. */
    discard: (doc: TrainingSession) => device.softDelete('sessions', doc.id),
    restore: (doc: TrainingSession) => device.put('sessions', doc),
    saveExercise: (doc: Exercise) => device.put('exercises', doc),
    /** A comment on a session or its log, from the coach (the client sees it once synced). */
    comment: (session: TrainingSession, target: CommentTarget, body: string) =>
      device.put('messages', newComment(device.newId(), { id: coachId, role: 'coach' }, { coachId, clientId: session.clientId }, target, body, new Date().toISOString())),
  };
}
export type CoachWrites = ReturnType<typeof coachWrites>;
