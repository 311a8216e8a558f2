import { todayLocal, type Exercise, type TrainingSession } from '@spotter/shared';
import type { Commands } from '../data/commands.ts';
import { newComment, type CommentTarget } from '../comments/comments.ts';
import { duplicateSession, newDraft } from './draft.ts';

/** The commands the coach's pages write through (data layer README). */
export type CoachCommands = Pick<Commands, 'saveSession' | 'editSession' | 'discardSession' | 'saveExercise' | 'adoptExercise' | 'saveMessage' | 'newId'>;

/**
 * The coach's writes, all local: RxDB persists them at once and the data layer syncs them
 * when it can, so none of these needs — or waits for — the network (docs/DESIGN.md "The draft queue").
 */
export function coachWrites(commands: CoachCommands, coachId: string, today: () => string = todayLocal) {
  const ids = () => ({ id: commands.newId, now: new Date().toISOString() });
  return {
    /** "Add Session": a draft due today, which the coach changes first thing. */
    addDraft: (clientId: string) => commands.saveSession(newDraft(coachId, clientId, today(), ids())),
    save: (doc: TrainingSession) => commands.saveSession(doc),
    /** The builder's edit: only what its form changed from `base` goes over the stored session. */
    edit: (base: TrainingSession, doc: TrainingSession) => commands.editSession(base, doc),
    duplicate: (doc: TrainingSession) => commands.saveSession(duplicateSession(doc, ids(), today(), coachId)),
    /** Soft delete, so the coach's other devices drop it too; `restore` undoes it. */
    discard: (doc: TrainingSession) => commands.discardSession(doc.id),
    restore: (doc: TrainingSession) => commands.saveSession(doc),
    saveExercise: (doc: Exercise) => commands.saveExercise(doc),
    adoptExercise: (doc: Exercise) => commands.adoptExercise(doc),
    /** A comment on a session or its log, from the coach (the client sees it once synced). */
    comment: (session: TrainingSession, target: CommentTarget, body: string) =>
      commands.saveMessage(newComment(commands.newId(), { id: coachId, role: 'coach' }, { coachId, clientId: session.clientId }, target, body, new Date().toISOString())),
  };
}
export type CoachWrites = ReturnType<typeof coachWrites>;
