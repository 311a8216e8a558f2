import { describe, expect, it } from 'vitest';
import { parseRange } from './range.ts';

describe('parseRange', () => {
  it.each([
    // No header, or one we may ignore: the whole file.
    [undefined, 100, null],
    ['', 100, null],
    ['items=0-5', 100, null],
    ['bytes=0-1,5-6', 100, null],
    ['bytes=-', 100, null],
    ['bytes=9-3', 100, null],
    // What browsers send for video: open-ended, then explicit.
    ['bytes=0-', 100, { start: 0, end: 99 }],
    ['bytes=10-19', 100, { start: 10, end: 19 }],
    // An end past the file is cut to it.
    ['bytes=90-500', 100, { start: 90, end: 99 }],
    // A suffix: the last N bytes; longer than the file is the whole file.
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-500', 100, { start: 0, end: 99 }],
    // Starting at or past the end cannot be served: 416.
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=-0', 100, 'unsatisfiable'],
  ] as const)('%s of %i bytes → %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
