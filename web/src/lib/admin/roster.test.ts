import { assignment, person } from '@spotter/shared/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { capacityOverview, clientRows, trainerRows } from './roster.ts';

const coach = (id: string, maxClients: number, firstName = id) => person({ id, role: 'coach', email: `${id}@t.test`, firstName, lastName: 'Coach', maxClients, isPersonalTrainer: true });
const client = (id: string) => person({ id, email: `${id}@t.test`, firstName: id, lastName: 'Client' });
const people = [coach('ann', 2, 'Ann'), coach('bob', 3, 'Bob'), client('c1'), client('c2'), client('c3'), client('c4')];
const assignments = [
  assignment({ id: 'a1', clientId: 'c1', coachId: 'ann' }),
  assignment({ id: 'a2', clientId: 'c2', coachId: 'ann' }),
  assignment({ id: 'a3', clientId: 'c3', coachId: 'bob' }),
  assignment({ id: 'old', clientId: 'c3', coachId: 'ann', status: 'completed', endDate: '2026-02-01' }),
];

describe('trainerRows', () => {
  it('shows active/max and who is full', () => {
    const rows = trainerRows(people, assignments);
    expect(rows.map((r) => [r.trainer.id, r.label, r.full, r.clients.map((c) => c.id)])).toEqual([
      ['ann', '2/2', true, ['c1', 'c2']],
      ['bob', '1/3', false, ['c3']],
    ]);
  });
});

describe('clientRows', () => {
  it('gives each client their active trainer and the history', () => {
    const rows = clientRows(people, assignments);
    expect(rows.map((r) => [r.client.id, r.trainer?.id ?? null, r.history.map((h) => h.id)])).toEqual([
      ['c1', 'ann', []],
      ['c2', 'ann', []],
      ['c3', 'bob', ['old']],
      ['c4', null, []],
    ]);
  });
});

describe('capacityOverview', () => {
  it.each([
    ['the demo-like roster', people, assignments, { trainers: 2, clients: 4, assigned: 3, unassigned: 1, capacity: 5, utilisation: 60, membersPerTrainer: 2, fullTrainers: 1 }],
    ['nobody', [], [], { trainers: 0, clients: 0, assigned: 0, unassigned: 0, capacity: 0, utilisation: null, membersPerTrainer: null, fullTrainers: 0 }],
  ] as const)('%s', (_n, p, a, expected) => {
    expect(capacityOverview(p, a)).toEqual(expected);
  });
});
