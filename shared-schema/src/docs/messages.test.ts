import { describe, expect, it } from 'vitest';
import { id } from './common.ts';
import { ratingId } from './messages.ts';

describe('ratingId', () => {
  it.each([
    ['an engine recommendation', 'rec-0123456789abcdef'],
    ['a uuid', '0190f1c2-7a7b-7c3d-8e9f-0a1b2c3d4e5f'],
    ['the longest id allowed', 'r'.repeat(64)],
    ['one character', 'r'],
  ])('is a valid id, the same on every device: %s', (_why, rec) => {
    expect(id.safeParse(ratingId(rec)).success).toBe(true);
    expect(ratingId(rec)).toBe(ratingId(rec));
  });

  it('reads as the recommendation id when it fits, and keeps long ids apart', () => {
    expect(ratingId('rec-1')).toBe('rating.rec-1');
    expect(ratingId('a'.repeat(64))).not.toBe(ratingId(`${'a'.repeat(63)}b`));
  });
});
