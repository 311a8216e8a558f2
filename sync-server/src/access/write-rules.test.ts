import { describe, expect, it } from 'vitest';
import { CLIENT_ID, COACH_ID, exercise, person, session, sessionLog } from '@spotter/shared/fixtures.ts';
import type { CollectionName, Viewer } from '@spotter/shared';
import type { Doc } from '../storage/mappers.ts';
import { decideWrite, type Facts } from './write-rules.ts';
import { outcome, rel, stored } from './test-kit.ts';

const coach: Viewer = { id: COACH_ID, role: 'coach' };
const client: Viewer = { id: CLIENT_ID, role: 'client' };
const relOf = (v: Viewer) => (v.role === 'coach' ? rel({ clientIds: [CLIENT_ID] }) : rel({ coachIds: [COACH_ID] }));
const sessionFacts: Facts = { sessions: { today: '2026-03-02', clientAssigned: true, current: null, plan: null, exercises: new Map([['ex-bench', stored(exercise())]]) } };

describe('decideWrite: the shared rules first, then the collection rules', () => {
  it.each<[string, Viewer, CollectionName, Doc, Facts, string]>([
    ['a client cannot write sessions', client, 'sessions', session(), sessionFacts, 'refuse: A client cannot change sessions.'],
    ['a coach publishes through the session rules', coach, 'sessions', session({ status: 'submitted' }), sessionFacts, 'write published'],
    ['a log goes through the log rules', client, 'logs', sessionLog(), { logs: { session: null } }, 'refuse: This session is not one of your published sessions.'],
    ['a collection without other rules is written', coach, 'notes', { id: 'n', kind: 'note', coachId: COACH_ID, clientId: CLIENT_ID }, {}, 'write'],
  ])('%s', (_, viewer, collection, next, facts, expected) => {
    expect(outcome(decideWrite({ viewer, rel: relOf(viewer), collection, current: null, next, deleted: false }, facts))).toBe(expected);
  });

  it.each<[string, Viewer, CollectionName, Doc, Facts, string]>([
    ["a deleted log of someone else's session (its id taken for good)", client, 'logs', sessionLog(), { logs: { session: stored(session({ clientId: 'client-2' })) } },
      'refuse: This session is not one of your published sessions.'],
    ['a deleted log of my own session', client, 'logs', sessionLog(), { logs: { session: stored(session()) } }, 'write'],
    ['my own account, deleted', client, 'people', person(), {}, 'refuse: An account cannot be deleted through sync.'],
  ])('a delete goes through the same rules: %s', (_, viewer, collection, next, facts, expected) => {
    expect(outcome(decideWrite({ viewer, rel: relOf(viewer), collection, current: stored(next), next, deleted: true }, facts))).toBe(expected);
  });

  it('fails loudly when the facts a rule needs were not loaded', () => {
    expect(() => decideWrite({ viewer: client, rel: relOf(client), collection: 'logs', current: null, next: sessionLog(), deleted: false }, {})).toThrow(/not loaded/);
  });
});
