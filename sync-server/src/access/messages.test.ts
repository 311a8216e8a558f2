import { describe, expect, it } from 'vitest';
import { CLIENT_ID, COACH_ID, message, note, recommendation, session, sessionLog } from '@spotter/shared/fixtures.ts';
import type { Message, Viewer } from '@spotter/shared';
import { decideMessage, type MessageFacts } from './messages.ts';
import { outcome, rel, stored } from './test-kit.ts';

const client: Viewer = { id: CLIENT_ID, role: 'client' };
const coach: Viewer = { id: COACH_ID, role: 'coach' };
const asClient = { authorId: CLIENT_ID, authorRole: 'client' } as const;
const facts = (viewer: Viewer, o: Partial<MessageFacts> = {}): MessageFacts => ({
  viewer, rel: viewer.role === 'coach' ? rel({ clientIds: [CLIENT_ID] }) : rel({ coachIds: [COACH_ID] }), target: null, targetCollection: null, session: null, ...o,
});
const onSession = message({ kind: 'comment', targetType: 'session', targetId: 'ses-1' });
const onEntry = message({ ...asClient, kind: 'comment', targetType: 'log', targetId: 'log.ses-1', targetEntryId: 'rx-1' });
const view = message({ ...asClient, id: 'view-1', kind: 'view', targetType: 'resource', targetId: 'note-1', body: '' });
const rating = message({ ...asClient, id: 'rating.rec-1', kind: 'comment', targetType: 'recommendation', targetId: 'rec-1', rating: 4 });
const resource = note({ kind: 'resource', isPrivate: false, title: 'Video', url: 'https://example.com/v' });

describe('decideMessage', () => {
  it.each<[string, Viewer, Partial<MessageFacts>, Message, string]>([
    ['a plain message needs no target', coach, {}, message(), 'write'],
    ['a comment on a session the coach sees', coach, { target: stored(session()), targetCollection: 'sessions' }, onSession, 'write'],
    ['a comment on a missing session', coach, {}, onSession, 'refuse: You can only comment on a session you can see.'],
    ["a comment on a coach's draft the client cannot see", client, { target: stored(session({ status: 'draft' })), targetCollection: 'sessions' },
      message({ ...onSession, ...asClient }), 'refuse: You can only comment on a session you can see.'],
    ["a comment filed under another client", coach, { target: stored(session({ clientId: 'client-2' })), targetCollection: 'sessions' }, onSession,
      'refuse: You can only comment on a session you can see.'],
    ['a comment on a prescribed exercise of a log', client, { target: stored(sessionLog()), targetCollection: 'logs', session: stored(session()) }, onEntry, 'write'],
    ['a comment on an exercise the session does not prescribe', client, { target: stored(sessionLog()), targetCollection: 'logs', session: stored(session()) },
      message({ ...onEntry, targetEntryId: 'rx-9' }), 'refuse: That exercise is not part of this session.'],
    ['a view of a shared resource', client, { target: stored(resource), targetCollection: 'notes' }, view, 'write'],
    ['a view of a private note', client, { target: stored(note()), targetCollection: 'notes' }, view, 'refuse: You can only open a resource your coach shared with you.'],
    ['a view of a deleted resource', client, { target: stored(resource, true), targetCollection: 'notes' }, view, 'refuse: You can only open a resource your coach shared with you.'],
    ['a rating of an approved recommendation', client, { target: stored(recommendation({ status: 'approved' })), targetCollection: 'recommendations' }, rating, 'write'],
    ['a rating of a pending recommendation', client, { target: stored(recommendation()), targetCollection: 'recommendations' }, rating,
      'refuse: You can only rate a recommendation your coach approved for you.'],
    ['a rating under another id', client, { target: stored(recommendation({ status: 'approved' })), targetCollection: 'recommendations' }, message({ ...rating, id: 'r2' }),
      'refuse: A rating of this recommendation has the id rating.rec-1.'],
  ])('%s', (_, viewer, o, next, expected) => {
    expect(outcome(decideMessage(facts(viewer, o), next))).toBe(expected);
  });
});
