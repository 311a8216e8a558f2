import { describe, expect, it } from 'vitest';
import * as f from '../fixtures.ts';
import { inboxItems, isUnread, markedRead, unreadCounts } from './inbox.ts';

const COACH = f.COACH_ID;
const A = 'client-a';
const B = 'client-b';
const msg = (id: string, clientId: string, createdAt: string, o: Partial<ReturnType<typeof f.message>> = {}) =>
  f.message({ id, kind: 'message', coachId: COACH, clientId, authorId: clientId, authorRole: 'client', createdAt, updatedAt: createdAt, body: id, ...o });

const a1 = msg('a1', A, '2026-12-01T10:00:00.000Z');
const a2 = msg('a2', A, '2026-12-03T10:00:00.000Z', { kind: 'comment', targetType: 'session', targetId: 's1' });
const aMine = msg('a3', A, '2026-12-04T10:00:00.000Z', { authorId: COACH, authorRole: 'coach' });
const b1 = msg('b1', B, '2026-12-02T10:00:00.000Z');
const view = msg('b2', B, '2026-12-05T10:00:00.000Z', { kind: 'view', targetType: 'resource', targetId: 'n1', body: '' });
const all = [a1, a2, aMine, b1, view];

describe('isUnread', () => {
  it.each([
    ['never read: unread', a1, undefined, true],
    ['written after the marker', a2, { [A]: a1.createdAt }, true],
    ['written at or before the marker', a1, { [A]: a1.createdAt }, false],
    // Markers are per conversation: reading A's says nothing of B's.
    ["another conversation's marker does not count", b1, { [A]: '2026-12-31T00:00:00.000Z' }, true],
    ['my own words are never unread', aMine, undefined, false],
    ['a resource view is not something to read', view, undefined, false],
  ] as const)('%s', (_why, m, readUpTo, unread) => {
    expect(isUnread(m, COACH, readUpTo)).toBe(unread);
  });
});

describe('inboxItems', () => {
  const ids = (filter: Parameters<typeof inboxItems>[3]) => inboxItems(all, COACH, { [A]: a1.createdAt }, filter).map((i) => i.message.id);
  it.each([
    ['everything readable, newest first', { unreadOnly: false, clientId: null, kind: 'all' }, ['a3', 'a2', 'b1', 'a1']],
    ['unread only', { unreadOnly: true, clientId: null, kind: 'all' }, ['a2', 'b1']],
    ['one client', { unreadOnly: false, clientId: B, kind: 'all' }, ['b1']],
    ['messages, not comments', { unreadOnly: false, clientId: null, kind: 'message' }, ['a3', 'b1', 'a1']],
    ['comments only', { unreadOnly: false, clientId: null, kind: 'comment' }, ['a2']],
  ] as const)('%s', (_why, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });
});

describe('unreadCounts and markedRead', () => {
  it('counts per conversation and in all', () => {
    expect(unreadCounts(all, COACH, undefined)).toEqual({ byPerson: { [A]: 2, [B]: 1 }, total: 3 });
    expect(unreadCounts(all, COACH, { [A]: a2.createdAt })).toEqual({ byPerson: { [B]: 1 }, total: 1 });
  });

  it.each([
    ['a first marker', undefined, A, a2.createdAt, { [A]: a2.createdAt }],
    ['moves forward, keeping the others', { [A]: a1.createdAt, [B]: b1.createdAt }, A, a2.createdAt, { [A]: a2.createdAt, [B]: b1.createdAt }],
    // Opening an already-read thread must write nothing (no sync traffic, no edit loop).
    ['already there: no change', { [A]: a2.createdAt }, A, a2.createdAt, null],
    ['never backwards', { [A]: a2.createdAt }, A, a1.createdAt, null],
  ] as const)('%s', (_why, readUpTo, other, at, expected) => {
    expect(markedRead(readUpTo, other, at)).toEqual(expected);
  });
});
