import { sessionLogId, type SessionLog, type Viewer } from '@spotter/shared';
import type { Stored } from '../storage/repository.ts';
import { refuse, write, type Decision } from './decision.ts';

/**
 * A log belongs to one published session of the client who pushes it, under the id derived
 * from that session (so a session has one log) and with that session's coach.
 */
export function decideLog(viewer: Viewer, session: Stored | null, next: SessionLog): Decision {
  if (!session || session.deleted || session.doc.status !== 'published' || session.doc.clientId !== viewer.id) {
    return refuse('This session is not one of your published sessions.');
  }
  if (next.id !== sessionLogId(next.sessionId)) return refuse(`A session's log has the id ${sessionLogId(next.sessionId)}.`);
  if (next.coachId !== session.doc.coachId) return refuse("A log's coach is its session's coach.");
  return write(next);
}
