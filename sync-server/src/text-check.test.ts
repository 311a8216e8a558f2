import { describe, expect, it } from 'vitest';
import { illFormedTextAt } from './text-check.ts';

describe('illFormedTextAt', () => {
  it.each<[string, unknown, string | null]>([
    ['plain text', { a: 'héllo 💪' }, null],
    ['numbers, null, booleans', [1, null, true, { x: 2.5 }], null],
    ['a lone high surrogate in a field', [{ newDocumentState: { title: 'Kn\ud800ee' } }], '[0].newDocumentState.title'],
    ['a lone low surrogate deep in an array', { days: [{ exercises: [{ reps: '\udc00' }] }] }, 'days[0].exercises[0].reps'],
    ['a lone surrogate in a key', { ['k\ud800']: 1 }, 'k\ud800'],
    ['a bare string body', '\ud800', '(the body)'],
    ['a surrogate pair is fine', { emoji: '\ud83d\udcaa' }, null],
    ['a NUL character in a field', [{ newDocumentState: { body: 'a\u0000b' } }], '[0].newDocumentState.body'],
    ['other control characters are text', { notes: 'line 1\nline 2\ttab\u0001' }, null],
  ])('%s', (_, value, expected) => {
    expect(illFormedTextAt(value)).toBe(expected);
  });
});
