import { describe, expect, it } from 'vitest';
import { assignment, person } from '@spotter/shared/fixtures.ts';
import type { CollectionName, Viewer } from '@spotter/shared';
import { candidateScope, clientVisible, relationsOf } from './relations.ts';
import { rel, stored } from './test-kit.ts';

const coach: Viewer = { id: 'coach-1', role: 'coach' };
const client: Viewer = { id: 'client-1', role: 'client' };
const admin: Viewer = { id: 'admin-1', role: 'admin' };
const rows = [
  stored(assignment({ id: 'a1', clientId: 'client-1', status: 'active' })),
  stored(assignment({ id: 'a2', clientId: 'client-2', status: 'paused' })),
  stored(assignment({ id: 'a3', clientId: 'client-3', status: 'completed' })),
  stored(assignment({ id: 'a4', clientId: 'client-4', status: 'active' }), true),
  stored(assignment({ id: 'a5', clientId: 'client-5', coachId: 'coach-2' })),
];

describe('relationsOf', () => {
  it.each<[Viewer, string[], string[], string[], string[]]>([
    // viewer, clientIds, everClientIds, coachIds, everCoachIds
    [coach, ['client-1', 'client-2'], ['client-1', 'client-2', 'client-3', 'client-4'], [], []],
    [client, [], [], ['coach-1'], ['coach-1']],
    [admin, [], [], [], []],
  ])('%o', (viewer, clientIds, everClientIds, coachIds, everCoachIds) => {
    const r = relationsOf(viewer, rows);
    expect([[...r.clientIds], [...r.everClientIds], [...r.coachIds], [...r.everCoachIds]]).toEqual([clientIds, everClientIds, coachIds, everCoachIds]);
  });
});

describe('candidateScope', () => {
  const r = rel({ clientIds: ['client-1'], everClientIds: ['client-1', 'client-9'], coachIds: ['coach-1'] });
  it.each<[Viewer, CollectionName, unknown]>([
    [admin, 'people', 'all'],
    [admin, 'exercises', [{ field: 'ownerId', values: [null] }]],
    [admin, 'sessions', []],
    [coach, 'people', [{ field: 'id', values: ['coach-1', 'client-1', 'client-9'] }]],
    [coach, 'assignments', [{ field: 'coachId', values: ['coach-1'] }]],
    [coach, 'exercises', [{ field: 'ownerId', values: [null, 'coach-1'] }]],
    [coach, 'logs', [{ field: 'clientId', values: ['client-1', 'client-9'] }]],
    [client, 'exercises', [{ field: 'ownerId', values: [null, 'coach-1'] }]],
    [client, 'sessions', [{ field: 'clientId', values: ['client-1'] }]],
  ])('%o %s', (viewer, collection, expected) => {
    expect(candidateScope(viewer, r, collection)).toEqual(expected);
  });
});

describe('clientVisible', () => {
  it.each<[string, Viewer, ReturnType<typeof stored> | null, boolean]>([
    ["a coach's client", coach, stored(person()), true],
    ['a client of someone else', coach, stored(person({ id: 'client-2' })), false],
    ['a deleted client', coach, stored(person(), true), false],
    ['a trainer', admin, stored(person({ role: 'coach' })), false],
    ['any client, for an admin', admin, stored(person({ id: 'client-2' })), true],
    ['nobody', coach, null, false],
  ])('%s', (_, viewer, found, expected) => {
    expect(clientVisible(viewer, found, rel({ clientIds: ['client-1'] }))).toBe(expected);
  });
});
