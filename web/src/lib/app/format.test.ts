import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatDuration, formatRelative, formatWeight, weightsInText } from './format.ts';

describe('format', () => {
  it.each([
    [0, 'en', '0 exercises'],
    [1, 'en', '1 exercise'],
    [2, 'en', '2 exercises'],
    [1500, 'en', '1,500 exercises'],
    [1500, 'de', '1.500 exercises'],
  ])('counts %i in %s as %s', (n, locale, text) => {
    expect(formatCount(n, { one: 'exercise', other: 'exercises' }, locale)).toBe(text);
  });

  it.each([
    [0, '0 sec'],
    [45, '45 sec'],
    [90, '1 min 30 sec'],
    [3900, '1 hr 5 min'],
  ])('says %i seconds as %s', (s, text) => {
    expect(formatDuration(s, 'en')).toBe(text);
  });

  const now = new Date('2026-12-06T12:00:00Z');
  it.each([
    ['2026-12-06T11:59:30Z', 'this minute'],
    ['2026-12-06T09:00:00Z', '3 hours ago'],
    ['2026-12-05T12:00:00Z', 'yesterday'],
    ['2026-11-22T12:00:00Z', '2 weeks ago'],
    ['2026-12-08T12:00:00Z', 'in 2 days'],
  ])('says %s relative to now as %s', (iso, text) => {
    expect(formatRelative(iso, now, 'en')).toBe(text);
  });

  it.each([
    [60, 'kg', 'kg', '60 kg'],
    [60, 'kg', 'lb', '132.3 lb'],
    [135, 'lb', 'kg', '61.2 kg'],
  ] as const)('shows %d %s in %s as %s', (v, from, to, text) => {
    expect(formatWeight(v, from, to, 'en')).toBe(text);
  });

  it.each([
    ['60 kg', 'lb', '132.3 lb'],
    ['60 kg', 'kg', '60 kg'],
    ['135lbs', 'kg', '61.2 kg'],
    ['62,5 kg', 'lb', '137.8 lb'],
    ['BW', 'lb', 'BW'],
    ['70% 1RM', 'lb', '70% 1RM'],
    ['60', 'lb', '60'],
    ['Increase Squat to 62.5 kg', 'lb', 'Increase Squat to 137.8 lb'],
    ['Last: 3 × 8 @ 60 kg, difficulty 2/5: add 2.5 kg.', 'lb', 'Last: 3 × 8 @ 132.3 lb, difficulty 2/5: add 5.5 lb.'],
    ['20 kilograms', 'lb', '20 kilograms'],
  ] as const)('shows the loads in %j in %s as %j', (text, to, shown) => {
    expect(weightsInText(text, to, 'en')).toBe(shown);
  });

  it('orders a day by the locale and keeps the calendar day', () => {
    expect(formatDay('2026-12-06', 'en-GB')).toBe('Sun, 6 Dec 2026');
    expect(formatDay('2026-12-06', 'en-US')).toBe('Sun, Dec 6, 2026');
  });
});
