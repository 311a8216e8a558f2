import { describe, expect, it } from 'vitest';
import type { Assignment } from '../docs/assignments.ts';
import { assignment } from '../fixtures.ts';
import { activeClientCount, assignmentRefusal, isAtCapacity } from './assignments.ts';

const a = (id: string, clientId: string, coachId: string, status: Assignment['status'] = 'active') => assignment({ id, clientId, coachId, status });
const roster = [a('1', 'c1', 'coach-1'), a('2', 'c2', 'coach-1'), a('3', 'c3', 'coach-1', 'paused'), a('4', 'c4', 'coach-1', 'completed'), a('5', 'c5', 'coach-2')];

describe('activeClientCount and isAtCapacity', () => {
  it.each([
    ['coach-1', 2, 2, true],
    ['coach-1', 3, 2, false],
    ['coach-2', 1, 1, true],
    ['coach-3', 0, 0, true],
    ['coach-3', 15, 0, false],
  ] as const)('%s with max %i has %i active (at capacity: %s)', (coachId, max, count, full) => {
    expect(activeClientCount(roster, coachId)).toBe(count);
    expect(isAtCapacity(roster, coachId, max)).toBe(full);
  });
});

describe('assignmentRefusal', () => {
  const TWO = 'This client already has an active trainer; end that assignment first.';
  const cases: [string, Assignment, Assignment[], number, string | null][] = [
    ['a new client within capacity', a('n', 'c9', 'coach-1'), roster, 3, null],
    ['a new client at capacity', a('n', 'c9', 'coach-1'), roster, 2, 'This trainer is at capacity (2/2).'],
    ['a paused client keeps no place', a('n', 'c9', 'coach-1'), [a('p1', 'x', 'coach-1', 'paused'), a('p2', 'y', 'coach-1', 'paused')], 1, null],
    ['re-saving an existing active assignment does not count itself', a('1', 'c1', 'coach-1'), roster, 2, null],
    ['a client already active with another coach', a('n', 'c5', 'coach-1'), roster, 15, TWO],
    ['a client whose old assignment ended', a('n', 'c4', 'coach-2'), roster, 15, null],
    ['pausing is always allowed, even over capacity', a('n', 'c9', 'coach-1', 'paused'), roster, 0, null],
    ['completing is always allowed', a('5', 'c5', 'coach-2', 'completed'), roster, 0, null],
    // Order: one active trainer is checked before capacity, so the admin is told the real blocker.
    ['a second active trainer at a full coach: the one-active rule first', a('n', 'c5', 'coach-1'), roster, 2, TWO],
    ['max 0: no active clients at all', a('n', 'c9', 'coach-3'), roster, 0, 'This trainer is at capacity (0/0).'],
  ];
  it.each(cases)('%s', (_why, next, others, max, expected) => {
    expect(assignmentRefusal(next, others, max)?.message ?? null).toBe(expected);
  });
});
