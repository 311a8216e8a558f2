import { describe, expect, it } from 'vitest';
import { stampAt } from './op-result.ts';

// What "later" means to the oracle: the merge's order (per-field stamps), not updatedAt.
describe('stampAt: the stamp the merge gives a written field', () => {
  const clocks = {
    title: '2026-12-07T20:40:35.377Z-0000-a',
    'entries/rx1/sets': '2026-12-07T15:48:36.208Z-0002-b',
    'entries/rx2/sets/s9': '2026-12-07T15:50:00.000Z-0000-b',
  };
  const saved = { updatedAt: '2026-12-07T15:48:36.208Z', fieldClocks: clocks };
  it.each([
    ['its own stamp, though updatedAt reads earlier (made after seeing a skewed stamp)', ['title'], clocks.title],
    ['a set inside an entry whose sets were stamped as one', ['entries', 'rx1', 'sets', 's1', 'seconds'], clocks['entries/rx1/sets']],
    ['a removed set: the stamp of its removal', ['entries', 'rx2', 'sets', 's9', 'seconds'], clocks['entries/rx2/sets/s9']],
    ['a field no stamp covers: updatedAt', ['notes'], saved.updatedAt],
  ])('%s', (_why, path, expected) => {
    expect(stampAt(saved, path)).toBe(expected);
  });
  it('a document written before per-field clocks: updatedAt', () => {
    expect(stampAt({ updatedAt: '2026-01-01T00:00:00.000Z' }, ['title'])).toBe('2026-01-01T00:00:00.000Z');
  });
});
