import { describe, expect, it } from 'vitest';
import { CLIENT_ID, session, sessionLog } from '@spotter/shared/fixtures.ts';
import type { SessionLog, Viewer } from '@spotter/shared';
import type { Stored } from '../storage/repository.ts';
import { decideLog } from './logs.ts';
import { outcome, stored } from './test-kit.ts';

const client: Viewer = { id: CLIENT_ID, role: 'client' };
const notYours = "refuse: This session is not one of your published sessions.";

describe('decideLog', () => {
  it.each<[string, Stored | null, SessionLog, string]>([
    ['a log of my published session', stored(session()), sessionLog(), 'write'],
    ['no such session', null, sessionLog(), notYours],
    ['a deleted session', stored(session(), true), sessionLog(), notYours],
    ['a draft session', stored(session({ status: 'draft' })), sessionLog(), notYours],
    ["another client's session", stored(session({ clientId: 'client-2' })), sessionLog(), notYours],
    ['an id not derived from the session', stored(session()), sessionLog({ id: 'log-x' }), "refuse: A session's log has the id log.ses-1."],
    ['another coach', stored(session()), sessionLog({ coachId: 'coach-2' }), "refuse: A log's coach is its session's coach."],
  ])('%s', (_, found, next, expected) => {
    expect(outcome(decideLog(client, found, next))).toBe(expected);
  });
});
