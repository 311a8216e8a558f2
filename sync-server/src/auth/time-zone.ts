import { defaultNotificationPrefs, type Person } from '@spotter/shared';
import type { Repository } from '../storage/repository.ts';

/**
 * Gives a person who has no time zone yet the one their device reported at sign-in
 * (docs/DESIGN.md "Reminders"): reminders and quiet hours are wall-clock times in the person's
 * own zone, and without one they would fall in UTC. A zone the person has (chosen in settings,
 * or adopted earlier) is never replaced: a trip abroad does not move their reminders.
 * Answers whether it wrote, so the caller can announce the change.
 */
export async function adoptTimeZone(repo: Repository, personId: string, timeZone: string, now: Date): Promise<boolean> {
  return repo.transaction(async () => {
    const stored = await repo.get('people', personId);
    if (!stored || stored.deleted) return false;
    const person = stored.doc as Person;
    if (person.notifications?.timeZone) return false;
    await repo.put('people', { ...person, notifications: defaultNotificationPrefs(timeZone), updatedAt: now.toISOString() }, false);
    return true;
  });
}
