import { describe, expect, it } from 'vitest';
import { exercise, prescription, session, sessionLog } from '@spotter/shared/fixtures.ts';
import { upcomingPhotoUrls } from './photo-cache.ts';

const byId = {
  squat: exercise({ id: 'squat', catalogueId: 'Barbell_Squat' }),
  plank: exercise({ id: 'plank', catalogueId: 'Plank' }),
  own: exercise({ id: 'own', catalogueId: null }),
};
const rx = (exerciseId: string) => prescription({ id: `p-${exerciseId}`, exerciseId });
const today = '2026-03-10';
const s = (id: string, dueDate: string, exerciseIds: string[], status: 'published' | 'draft' = 'published') =>
  session({ id, dueDate, status, exercises: exerciseIds.map(rx) });

describe('upcomingPhotoUrls', () => {
  it.each<[string, ReturnType<typeof s>[], string[], number | undefined, string[]]>([
    ['both photos of each exercise of an upcoming session, once', [s('a', today, ['squat', 'own', 'squat'])], [], undefined, ['/catalogue/Barbell_Squat/0.webp', '/catalogue/Barbell_Squat/1.webp']],
    ['a past or completed session needs none', [s('old', '2026-03-01', ['squat']), s('done', today, ['plank'])], ['done'], undefined, []],
    ['drafts never reach the client', [s('d', today, ['squat'], 'draft')], [], undefined, []],
    ['nearest first, up to the limit', [s('later', '2026-03-20', ['plank']), s('soon', '2026-03-11', ['squat'])], [], 1, ['/catalogue/Barbell_Squat/0.webp', '/catalogue/Barbell_Squat/1.webp']],
  ])('%s', (_, sessions, completed, limit, want) => {
    const logs = completed.map((id) => sessionLog({ sessionId: id, id: `log.${id}`, completedAt: `${today}T08:00:00.000Z` }));
    expect(upcomingPhotoUrls(sessions, logs, byId, today, limit)).toEqual(want);
  });
});
