import { describe, expect, it } from 'vitest';
import { assignment } from '../fixtures.ts';
import { bulkAssignmentRefusal } from './bulk-assignment.ts';

const trainer = { id: 'coach-1', name: 'Jo Coach', maxClients: 3 };
const active = (clientId: string, coachId = 'coach-1') => assignment({ id: `a-${clientId}-${coachId}`, clientId, coachId });

describe('bulkAssignmentRefusal', () => {
  it.each([
    ['no clients', [], trainer, [], 'Select at least one client.'],
    ['no trainer', ['c1'], null, [], 'Choose a trainer.'],
    ['duplicate client', ['c1', 'c1'], trainer, [], 'A client is selected twice.'],
    ['fits exactly', ['c1', 'c2', 'c3'], trainer, [], null],
    ['one too many', ['c1', 'c2', 'c3', 'c4'], trainer, [], 'Jo Coach is at capacity: room for 3 more clients (0/3), 4 selected.'],
    ['already full', ['c9'], trainer, [active('a'), active('b'), active('c')], 'Jo Coach is at capacity: room for 0 more clients (3/3), 1 selected.'],
    ['room for one', ['c8', 'c9'], trainer, [active('a'), active('b')], 'Jo Coach is at capacity: room for 1 more client (2/3), 2 selected.'],
    ['clients already with the trainer take no new place', ['a', 'b', 'c'], trainer, [active('a'), active('b'), active('c')], null],
    ['other trainers do not count', ['c1'], trainer, [active('x', 'coach-2'), active('y', 'coach-2'), active('z', 'coach-2')], null],
    ['ended assignments do not count', ['c1'], trainer, ['a', 'b', 'c'].map((c) => ({ ...active(c), status: 'completed' as const })), null],
  ] as const)('%s', (_name, ids, t, existing, expected) => {
    expect(bulkAssignmentRefusal(ids, t, existing)?.message ?? null).toBe(expected);
  });
});
