import { refusal, sessionLogId, type SessionLog, type Viewer } from '@spotter/shared';
import type { Stored } from '../storage/repository.ts';
import { refuse, write, type Decision } from './decision.ts';

/**
 * A log belongs to one published session of the client who pushes it, under the id derived
 * from that session (so a session has one log) and with that session's coach.
 */
export function decideLog(viewer: Viewer, session: Stored | null, next: SessionLog): Decision {
  if (!session || session.deleted || session.doc.status !== 'published' || session.doc.clientId !== viewer.id) {
    return refuse(refusal('session_not_yours'));
  }
  if (next.id !== sessionLogId(next.sessionId)) return refuse(refusal('log_id', { id: sessionLogId(next.sessionId) }));
  if (next.coachId !== session.doc.coachId) return refuse(refusal('log_coach'));
  return write(next);
}
