import { session, sessionLog } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { homeLists } from './home.ts';

const TODAY = '2026-03-04';
const done = (sessionId: string) => sessionLog({ sessionId, completedAt: '2026-03-04T08:00:00.000Z' });

describe('client home lists', () => {
  const sessions = [
    session({ id: 'late', dueDate: '2026-03-01' }),
    session({ id: 'done-old', dueDate: '2026-03-02' }),
    session({ id: 'today', dueDate: TODAY }),
    session({ id: 'today-done', dueDate: TODAY, createdAt: '2026-03-01T00:00:00.000Z' }),
    session({ id: 'far', dueDate: '2026-03-20' }),
    session({ id: 'near', dueDate: '2026-03-05' }),
    session({ id: 'draft', dueDate: '2026-03-06', status: 'draft' }),
  ];
  const lists = homeLists(sessions, [done('done-old'), done('today-done')], TODAY);

  it.each([
    ['today: due today and not completed yet', 'today', ['today']],
    ['upcoming: closest first, drafts never shown', 'upcoming', ['near', 'far']],
    ['previous: complete (today\'s too) or late, most recent first', 'previous', ['today-done', 'done-old', 'late']],
  ] as const)('%s', (_, list, ids) => expect(lists[list].map((s) => s.id)).toEqual(ids));

  it('marks state per item', () => {
    expect(lists.previous.find((s) => s.id === 'late')).toMatchObject({ late: true, completed: false });
    expect(lists.previous.find((s) => s.id === 'today-done')).toMatchObject({ completed: true, logged: 1, exerciseCount: 1 });
  });
});
