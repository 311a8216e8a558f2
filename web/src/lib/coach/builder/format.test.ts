import { describe, expect, it } from 'vitest';
import { formatDay } from './format.ts';

describe('formatDay', () => {
  it('shows a calendar day without shifting it by the time zone', () => {
    expect(formatDay('2030-01-06', 'en-GB')).toBe('Sun, 6 Jan 2030');
    expect(formatDay('2030-01-06', 'en-US')).toBe('Sun, Jan 6, 2030');
  });
});
