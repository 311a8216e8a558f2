import { photoUrl, upcomingSessions, type Exercise, type SessionLog, type TrainingSession } from '@spotter/shared';

/** The service worker's runtime cache of exercise photos (web/scripts/build-sw.ts). */
export const PHOTO_CACHE = 'exercise-photos';

/**
 * The photos a client needs offline soon (docs/DESIGN.md "Exercise catalogue"): both photos of
 * every exercise in the published sessions not yet complete, due today or later, nearest first,
 * at most `limit` sessions ahead (a plan can schedule months; the next weeks are what matters).
 */
export function upcomingPhotoUrls(
  sessions: readonly TrainingSession[],
  logs: readonly SessionLog[],
  exercisesById: Readonly<Record<string, Pick<Exercise, 'catalogueId'>>>,
  today: string,
  limit = 14,
): string[] {
  const published = sessions.filter((s) => s.status === 'published');
  const next = upcomingSessions(published, logs, today).slice(0, limit);
  const urls = new Set<string>();
  for (const s of next) {
    for (const p of s.exercises) {
      const id = exercisesById[p.exerciseId]?.catalogueId;
      if (id) for (const n of [0, 1]) urls.add(photoUrl(id, n));
    }
  }
  return [...urls];
}

/**
 * Puts the photos in the photo cache unless already there, so the workout shows them with no
 * connection. Straight into Cache Storage, not through fetch: the first visit has no service
 * worker in control yet, and a fetch then would reach the HTTP cache only. A photo that fails
 * (offline now) is tried again next time; nothing else depends on it.
 */
export async function keepPhotos(urls: readonly string[]): Promise<number> {
  if (typeof caches === 'undefined' || urls.length === 0) return 0;
  const cache = await caches.open(PHOTO_CACHE);
  let added = 0;
  for (const url of urls) {
    if (await cache.match(url)) continue;
    try {
      await cache.add(url);
      added += 1;
    } catch {
      // offline or gone: the next visit tries again
    }
  }
  return added;
}
