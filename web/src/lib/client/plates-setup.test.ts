import { describe, expect, it } from 'vitest';
import { DEFAULT_PLATES } from '@spotter/shared';
import { parseSetups } from './plates-setup.ts';

describe('parseSetups: what the device kept, or the standard plates', () => {
  it.each<[string, string | null, object]>([
    ['nothing stored', null, { kg: DEFAULT_PLATES.kg, lb: DEFAULT_PLATES.lb }],
    ['damaged JSON', '{kg:', { kg: DEFAULT_PLATES.kg, lb: DEFAULT_PLATES.lb }],
    ['a kept kg setup, lb standard', JSON.stringify({ kg: { bar: 15, plates: '20x1, 10' } }), { kg: { unit: 'kg', bar: 15, plates: [{ weight: 20, pairs: 1 }, { weight: 10, pairs: null }] }, lb: DEFAULT_PLATES.lb }],
    ['an unreadable plate list is ignored', JSON.stringify({ lb: { bar: 45, plates: 'heavy' } }), { kg: DEFAULT_PLATES.kg, lb: DEFAULT_PLATES.lb }],
    ['a bar out of range is ignored', JSON.stringify({ kg: { bar: 500, plates: '20' } }), { kg: DEFAULT_PLATES.kg, lb: DEFAULT_PLATES.lb }],
  ])('%s', (_, raw, want) => {
    expect(parseSetups(raw)).toEqual(want);
  });
});
