import { describe, expect, it } from 'vitest';
import { assignment, COACH_ID, person } from '@spotter/shared/fixtures.ts';
import { decideAssignment, type AssignmentFacts } from './assignments.ts';
import { outcome, stored } from './test-kit.ts';

const coach = stored(person({ id: COACH_ID, role: 'coach', maxClients: 1 }));
const client = stored(person());
const facts = (o: Partial<AssignmentFacts> = {}): AssignmentFacts => ({ coach, client, others: [], ...o });

describe('decideAssignment', () => {
  it.each<[string, Partial<AssignmentFacts>, string]>([
    ['a trainer and a client with room', {}, 'write active'],
    ['the coach is not a trainer', { coach: stored(person({ id: COACH_ID })) }, 'refuse: The coach of an assignment must be a trainer.'],
    ['the trainer was deleted', { coach: stored(coach.doc, true) }, 'refuse: The coach of an assignment must be a trainer.'],
    ['the client is a trainer', { client: stored(person({ role: 'coach' })) }, 'refuse: The client of an assignment must be a client.'],
    ['the trainer is full', { others: [assignment({ id: 'asg-2', clientId: 'client-2' })] }, 'refuse: This trainer is at capacity (1/1).'],
    ['the client has another active trainer', { others: [assignment({ id: 'asg-2', coachId: 'coach-2' })] }, 'refuse: This client already has an active trainer; end that assignment first.'],
  ])('%s', (_, o, expected) => {
    expect(outcome(decideAssignment(facts(o), assignment()))).toBe(expected);
  });

  it("re-evaluates every document of the client after writing (visibility follows the assignment)", () => {
    const d = decideAssignment(facts(), assignment());
    expect(d).toMatchObject({ kind: 'write', after: [{ kind: 'bump-client', clientId: 'client-1', coachIds: [COACH_ID] }] });
  });
});
