import { message } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { searchMessages, unreadCount } from './conversations.ts';

const at = (t: string) => `2026-03-12T${t}:00.000Z`;
const msgs = [
  message({ id: '1', authorId: 'coach-1', body: 'Great squats today', createdAt: at('09:00') }),
  message({ id: '2', authorId: 'client-1', authorRole: 'client', body: 'Thanks! Knee felt fine', createdAt: at('10:00') }),
  message({ id: '3', authorId: 'coach-1', body: 'Try the Café stretch', createdAt: at('11:00') }),
  message({ id: '4', authorId: 'coach-1', kind: 'system', body: 'System', createdAt: at('12:00') }),
];

describe('unreadCount', () => {
  it.each([
    ['client-1', null, 2],
    ['client-1', at('09:30'), 1],
    ['client-1', at('11:00'), 0],
    ['coach-1', null, 1],
  ])('for %s after %s → %d', (me, last, want) => expect(unreadCount(msgs, me, last)).toBe(want));
});

describe('searchMessages', () => {
  it.each([
    ['', ['1', '2', '3', '4']],
    ['squat', ['1']],
    ['KNEE fine', ['2']],
    ['cafe', ['3']],
    ['knee squat', []],
  ])('%j → %o', (q, ids) => expect(searchMessages(msgs, q).map((m) => m.id)).toEqual(ids));
});
