import { describe, expect, it } from 'vitest';
import type { CollectionName } from '@spotter/shared';
import type { Scope } from './repository.ts';
import { TxChanges } from './tx-changes.ts';

type Step = ['wrote', CollectionName, { clientId?: unknown }[]] | ['bumped', CollectionName, Scope];

describe('what a transaction announces', () => {
  it.each<[string, Step[], ReturnType<TxChanges['change']>]>([
    ['nothing written: nothing announced', [], null],
    ['one message: its collection and client', [['wrote', 'messages', [{ clientId: 'c1' }]]], { collections: ['messages'], clientIds: ['c1'] }],
    ['several collections: every client once, sorted', [['wrote', 'sessions', [{ clientId: 'c2' }, { clientId: 'c1' }]], ['wrote', 'logs', [{ clientId: 'c2' }]]], { collections: ['sessions', 'logs'], clientIds: ['c1', 'c2'] }],
    ['documents without clients (an exercise): the collection, no client', [['wrote', 'exercises', [{}]]], { collections: ['exercises'], clientIds: [] }],
    ['a bump by client names those clients', [['bumped', 'plans', [{ field: 'clientId', values: ['c3'] }]]], { collections: ['plans'], clientIds: ['c3'] }],
    ['a bump of anything else: clients unknown, every stream re-checks', [['wrote', 'messages', [{ clientId: 'c1' }]], ['bumped', 'people', [{ field: 'id', values: ['p1'] }]]], { collections: ['messages', 'people'] }],
    ['a bump of all: clients unknown', [['bumped', 'sessions', 'all']], { collections: ['sessions'] }],
    ['a later write does not make unknown clients known', [['bumped', 'sessions', 'all'], ['wrote', 'sessions', [{ clientId: 'c1' }]]], { collections: ['sessions'] }],
  ])('%s', (_, steps, expected) => {
    const changes = new TxChanges();
    for (const step of steps) {
      if (step[0] === 'wrote') changes.wrote(step[1], step[2]);
      else changes.bumped(step[1], step[2]);
    }
    expect(changes.change()).toEqual(expected);
  });
});
