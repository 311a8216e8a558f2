import { describe, expect, it } from 'vitest';
import { message } from '@spotter/shared/fixtures.ts';
import { newestFromOther } from './read-state.ts';

const from = (authorId: string, createdAt: string) => message({ id: `${authorId}-${createdAt}`, authorId, createdAt, updatedAt: createdAt });

describe('what opening a thread marks read', () => {
  it.each([
    ['the other person wrote last', [from('coach', 'T1'), from('client', 'T2'), from('coach', 'T3')], 'coach-T3'],
    ['I wrote last: their newest, not mine (sending writes no marker)', [from('coach', 'T1'), from('client', 'T2')], 'coach-T1'],
    ['only my own messages: nothing to mark', [from('client', 'T1'), from('client', 'T2')], undefined],
    ['an empty thread', [], undefined],
  ])('%s', (_, thread, id) => {
    expect(newestFromOther(thread, 'client')?.id).toBe(id);
  });
});
