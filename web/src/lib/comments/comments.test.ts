import { message } from '@spotter/shared/fixtures.ts';
import { messageSchema, messageShapeRefusal } from '@spotter/shared';
import { describe, expect, it } from 'vitest';
import { authorLabel, commentsAbout, commentsOn, conversation, entryTarget, newComment, newMessage, targetsOf } from './comments.ts';

const pair = { coachId: 'coach-1', clientId: 'client-1' };
const NOW = '2026-03-04T10:00:00.000Z';

describe('comments and messages', () => {
  const all = [
    message({ id: 'm2', createdAt: '2026-03-04T10:02:00.000Z' }),
    message({ id: 'c2', kind: 'comment', targetType: 'session', targetId: 'ses-1', createdAt: '2026-03-04T10:05:00.000Z' }),
    message({ id: 'c1', kind: 'comment', targetType: 'session', targetId: 'ses-1', createdAt: '2026-03-04T10:01:00.000Z' }),
    message({ id: 'c3', kind: 'comment', targetType: 'log', targetId: 'log.ses-1' }),
    message({ id: 'e1', kind: 'comment', targetType: 'log', targetId: 'log.ses-1', targetEntryId: 'rx-1', createdAt: '2026-03-04T10:04:00.000Z' }),
    message({ id: 'e2', kind: 'comment', targetType: 'log', targetId: 'log.ses-1', targetEntryId: 'rx-2' }),
    message({ id: 'e3', kind: 'comment', targetType: 'log', targetId: 'log.ses-2', targetEntryId: 'rx-1' }),
    message({ id: 'r1', kind: 'comment', targetType: 'recommendation', targetId: 'ses-1', rating: 4 }),
    message({ id: 'm1', createdAt: '2026-03-04T10:00:00.000Z' }),
    message({ id: 'other', coachId: 'coach-2' }),
    message({ id: 'sys', kind: 'system', authorRole: 'admin', createdAt: '2026-03-04T10:03:00.000Z' }),
  ];
  it.each([
    ['a session thread, oldest first', () => commentsOn(all, { type: 'session', id: 'ses-1' }), ['c1', 'c2']],
    ["the log thread, without the exercises' threads", () => commentsOn(all, targetsOf('ses-1').log), ['c3']],
    ["one exercise's thread", () => commentsOn(all, entryTarget('ses-1', 'rx-1')), ['e1']],
    ['every comment about a session, by time', () => commentsAbout(all, 'ses-1'), ['c3', 'e2', 'c1', 'e1', 'c2']],
    ['a target type does not match another with the same id', () => commentsOn(all, { type: 'session', id: 'log.ses-1' }), []],
    ['the conversation of this pair, with system notes, no comments', () => conversation(all, pair), ['m1', 'm2', 'sys']],
  ])('%s', (_, pick, ids) => expect(pick().map((m) => m.id)).toEqual(ids));

  it.each([
    ['a client comment on a log', () => newComment('c9', { id: 'client-1', role: 'client' }, pair, targetsOf('ses-1').log, '  Knee hurt  ', NOW)],
    ["a coach comment on one exercise's log", () => newComment('c8', { id: 'coach-1', role: 'coach' }, pair, entryTarget('ses-1', 'rx-1'), 'Good depth', NOW)],
    ['a coach message', () => newMessage('m9', { id: 'coach-1', role: 'coach' }, pair, 'See you Friday', NOW)],
  ])('%s is a valid document with a trimmed body', (_, make) => {
    const doc = make();
    expect(messageSchema.parse(doc)).toEqual(doc);
    expect(messageShapeRefusal(doc)).toBeNull();
    expect(doc.body).toBe(doc.body.trim());
  });

  it.each([
    [message({ authorId: 'me' }), 'You'],
    [message({ authorId: 'coach-1' }), 'Jo Coach'],
    [message({ authorId: 'unknown', authorRole: 'client' }), 'Client'],
    [message({ kind: 'system' }), 'Spotter'],
  ])('author label %#', (m, label) => expect(authorLabel(m, 'me', { 'coach-1': 'Jo Coach' })).toBe(label));
});
