import { describe, expect, it } from 'vitest';
import { HttpError } from '../data/api.ts';
import { failureText, tokenFromHash } from './needs-network.ts';

describe('failureText', () => {
  it.each<[string, unknown, RegExp]>([
    ['the server refused: its own sentence', new HttpError(410, 'This invitation has expired.'), /^This invitation has expired\.$/],
    ['no connection: offline, kept, try again', new TypeError('Failed to fetch'), /offline.*kept.*try again when you are back online/],
    ['the server failed: kept, try again', new HttpError(503, 'storage'), /could not reset your password just now\. What you typed is kept/],
    ['anything else: its message', new Error('Odd.'), /^Odd\.$/],
  ])('%s', (_n, e, expected) => expect(failureText(e, 'reset your password')).toMatch(expected));
});

describe('tokenFromHash', () => {
  it.each([
    ['#abc.def', 'abc.def'],
    ['', ''],
    ['#abc%2Edef', 'abc.def'],
  ])('%s → %s', (hash, token) => expect(tokenFromHash(hash)).toBe(token));
});
