/** A year of history for first-pull tests (server and web data layer): written through the server's storage. */
import { addDaysTo, todayLocal } from '@spotter/shared';
import { message, prescription, session, sessionLog } from '@spotter/shared/fixtures.ts';
import type { Repository } from '../src/storage/repository.ts';

/**
 * Per [coachId, clientId]: `sessions` sessions due every 8 days from today+14 back (40 ≈ 300
 * days), written in a shuffled order so recency and seq disagree, one in nine a draft; a log
 * for two of three past published sessions; `messages` messages, one every 10 days back.
 * `sessions` and `messages` must be prime to 17 and 7 (the shuffles).
 */
export async function seedYear(repo: Repository, pairs: [string, string][], opts: { sessions?: number; messages?: number } = {}): Promise<void> {
  const [nSessions, nMessages] = [opts.sessions ?? 40, opts.messages ?? 30];
  const exerciseId = (await repo.find('exercises', [{ field: 'ownerId', op: 'eq', value: null }]))[0]!.doc.id as string;
  const today = todayLocal();
  await repo.transaction(async () => {
    for (const [coachId, clientId] of pairs) {
      for (let k = 0; k < nSessions; k++) {
        const i = (k * 17) % nSessions;
        const dueDate = addDaysTo(today, 14 - 8 * i);
        const id = `ses-${clientId}-${i}`;
        const status = i % 9 === 4 ? 'draft' : 'published';
        const at = `${addDaysTo(dueDate, -3)}T10:00:00.000Z`;
        (await repo.put('sessions', session({ id, coachId, clientId, dueDate, status, exercises: [prescription({ exerciseId })], createdAt: at, updatedAt: at }), false));
        if (status === 'published' && dueDate < today && i % 3 !== 0) {
          (await repo.put('logs', sessionLog({ sessionId: id, clientId, coachId, completedAt: `${dueDate}T18:00:00.000Z`, updatedAt: at }), false));
        }
      }
      for (let k = 0; k < nMessages; k++) {
        const i = (k * 7) % nMessages;
        const createdAt = `${addDaysTo(today, -10 * i)}T08:00:00.000Z`;
        (await repo.put('messages', message({ id: `msg-${clientId}-${i}`, coachId, clientId, authorId: coachId, body: `Note ${i}`, createdAt, updatedAt: createdAt }), false));
      }
    }
  });
}
