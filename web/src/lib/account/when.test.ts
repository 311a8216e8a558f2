import { describe, expect, it } from 'vitest';
import { formatWhen } from './when.ts';

describe('formatWhen', () => {
  it.each([
    ['2026-12-07T08:05:00.000Z', 'UTC', '7 Dec, 08:05'],
    ['2026-12-07T23:30:00.000Z', 'Europe/Berlin', '8 Dec, 00:30'],
  ])('%s in %s → %s', (iso, zone, text) => expect(formatWhen(iso, 'en-GB', zone)).toBe(text));
});
