import { describe, expect, it } from 'vitest';
import { CLIENT_ID, COACH_ID, logEntry, message, session, sessionLog } from '../fixtures.ts';
import { engagement, engagementScore, recencyFactor } from './engagement.ts';

const at = (day: string) => `${day}T10:00:00.000Z`;

describe('engagementScore', () => {
  it.each([
    // due, logged, onTime, interactions, daysSinceActive → score
    [{ due: 0, logged: 0, onTime: 0, interactions: 0, daysSinceActive: null }, 0],
    [{ due: 4, logged: 4, onTime: 4, interactions: 8, daysSinceActive: 0 }, 100],
    [{ due: 4, logged: 4, onTime: 4, interactions: 20, daysSinceActive: 1 }, 100],
    [{ due: 4, logged: 2, onTime: 1, interactions: 4, daysSinceActive: 8 }, 20 + 7.5 + 10 + 5],
    [{ due: 10, logged: 5, onTime: 5, interactions: 0, daysSinceActive: 14 }, 35],
    [{ due: 0, logged: 0, onTime: 0, interactions: 2, daysSinceActive: 2 }, 15],
  ])('%o → %d', (parts, want) => expect(engagementScore(parts)).toBe(Math.round(want)));
});

describe('recencyFactor', () => {
  it.each([
    [null, 0],
    [0, 1],
    [2, 1],
    [8, 0.5],
    [14, 0],
    [30, 0],
  ])('%s days → %d', (d, want) => expect(recencyFactor(d)).toBe(want));
});

describe('engagement from documents', () => {
  const today = '2026-03-30';
  const sessions = [
    session({ id: 'old', dueDate: '2026-02-20' }), // outside the 28-day window
    session({ id: 'a', dueDate: '2026-03-10' }),
    session({ id: 'b', dueDate: '2026-03-20' }),
    session({ id: 'c', dueDate: '2026-03-25' }),
    session({ id: 'today', dueDate: '2026-03-30' }),
    session({ id: 'draft', dueDate: '2026-03-21', status: 'draft' }),
    session({ id: 'other', dueDate: '2026-03-21', clientId: 'someone-else' }),
  ];
  const logs = [
    sessionLog({ sessionId: 'a', completedAt: at('2026-03-10'), entries: { x: logEntry({ loggedAt: at('2026-03-10') }) } }),
    sessionLog({ sessionId: 'b', completedAt: at('2026-03-22'), entries: { x: logEntry({ loggedAt: at('2026-03-22') }) } }),
    sessionLog({ sessionId: 'c', completedAt: null, entries: { x: logEntry({ loggedAt: at('2026-03-26') }) } }),
  ];
  const messages = [
    message({ id: 'm1', authorId: CLIENT_ID, authorRole: 'client', createdAt: at('2026-03-27') }),
    message({ id: 'm2', authorId: CLIENT_ID, authorRole: 'client', kind: 'comment', targetType: 'session', targetId: 'a', createdAt: at('2026-03-11') }),
    message({ id: 'm3', authorId: COACH_ID, createdAt: at('2026-03-29') }), // the coach's own words don't count
    message({ id: 'm4', authorId: CLIENT_ID, authorRole: 'client', createdAt: at('2026-01-01') }),
    // Opening a resource is counted on the resource ("Viewed 3 times"), not as words.
    message({ id: 'm5', authorId: CLIENT_ID, authorRole: 'client', kind: 'view', targetType: 'resource', targetId: 'note-1', body: '', createdAt: at('2026-03-29') }),
  ];
  it('counts the window, the client, published sessions and the client’s own words', () => {
    const e = engagement(CLIENT_ID, sessions, logs, messages, today);
    expect(e.parts).toEqual({ due: 3, logged: 3, onTime: 1, interactions: 2, daysSinceActive: 3 });
    expect(e.score).toBe(Math.round(40 + 10 + 5 + 10 * (11 / 12)));
  });
});
