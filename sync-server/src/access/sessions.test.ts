import { describe, expect, it } from 'vitest';
import { exercise, plan, prescription, session } from '@spotter/shared/fixtures.ts';
import type { TrainingSession } from '@spotter/shared';
import { decideSession, type SessionFacts } from './sessions.ts';
import { outcome, stored } from './test-kit.ts';

const today = '2026-03-04';
const facts = (o: Partial<SessionFacts> = {}): SessionFacts => ({
  today, clientAssigned: true, current: null, plan: null, exercises: new Map([['ex-bench', stored(exercise())]]), ...o,
});
const submitted = (o: Partial<TrainingSession> = {}) => session({ status: 'submitted', dueDate: today, ...o });
const withdrawn = stored(session({ planId: 'plan-1' }), true);

describe('decideSession', () => {
  it.each<[string, Partial<SessionFacts>, TrainingSession, boolean, string]>([
    ['a draft is stored as it is', {}, session({ status: 'draft', exercises: [] }), false, 'write draft'],
    ['a valid submit is published', {}, submitted(), false, 'write published'],
    ['a submit due yesterday stays a draft with the reason', {}, submitted({ dueDate: '2026-03-03' }), false,
      'write draft (The due date 2026-03-03 has passed; pick today or a later day.)'],
    ['a submit for a client no longer assigned stays a draft', { clientAssigned: false }, submitted(), false,
      'write draft (This client is no longer assigned to you.)'],
    ["a submit with a coach's own exercise of another coach stays a draft", { exercises: new Map([['ex-bench', stored(exercise({ ownerId: 'coach-2' }))]]) }, submitted(), false,
      'write draft (An exercise in this session is no longer in the library.)'],
    ['an edit of a published session whose day passed stays published', { current: stored(session({ dueDate: '2026-03-01' })) }, session({ dueDate: '2026-03-01', title: 'New' }), false, 'write published'],
    ['an edit of a published session that breaks a rule is refused', { current: stored(session()) }, session({ exercises: [prescription({ reps: ' ' })] }), false,
      'refuse: Every exercise needs reps (e.g. 10, 8-12, AMRAP).'],
    ['an edit of a session withdrawn with its archived plan is refused', { current: withdrawn, plan: stored(plan({ status: 'archived' })) }, session({ planId: 'plan-1' }), false,
      'refuse: This session was withdrawn when its plan ended or was replaced. Duplicate it to keep it.'],
    ['an edit of a session withdrawn while its plan is active is allowed', { current: withdrawn, plan: stored(plan({ status: 'active' })) }, session({ planId: 'plan-1' }), false, 'write published'],
    ['a delete is stored as it is', { current: stored(session()) }, session({ status: 'submitted' }), true, 'write submitted'],
  ])('%s', (_, o, next, deleted, expected) => {
    expect(outcome(decideSession(facts(o), next, deleted))).toBe(expected);
  });
});
