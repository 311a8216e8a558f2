import { describe, expect, it } from 'vitest';
import { formatStamp, HybridClock, parseStamp } from './hlc.ts';

const T = Date.parse('2026-03-10T10:00:00.000Z');
const clockAt = (ms: { value: number }, node = 'a') => new HybridClock({ node, source: { now: () => ms.value } });

describe('HybridClock', () => {
  it('stamps in time order, and never goes back when the device clock is set back', () => {
    const now = { value: T };
    const clock = clockAt(now);
    const first = clock.stamp();
    now.value = T - 3 * 3_600_000; // set back three hours by hand
    const second = clock.stamp();
    expect(second > first).toBe(true);
    expect(parseStamp(second)).toEqual({ ms: T, counter: 1 });
  });

  it('a stamp is later than a stamp it has seen, whatever the device clock says', () => {
    const behind = clockAt({ value: T - 3_600_000 }, 'b');
    const seen = formatStamp(T, 7, 'zz');
    expect(behind.stamp(seen) > seen).toBe(true);
    expect(behind.stamp() > seen).toBe(true); // and it stays ahead of it
  });

  it.each([
    ['an hour ahead', 3_600_000],
    ['minutes behind', -7 * 60_000],
    ['a day behind', -86_400_000],
  ])('a device clock %s is corrected by the server time of an answer', (_why, skew) => {
    const now = { value: T + skew };
    const clock = clockAt(now);
    clock.observeServerTime(T + 50, T + skew, T + skew + 100); // answered mid-way, at T + 50
    expect(clock.now()).toBe(T);
    expect(parseStamp(clock.stamp())!.ms).toBe(T);
  });

  it('a right device clock is never moved by network jitter; a changed one is followed', () => {
    const now = { value: T };
    const clock = clockAt(now);
    // Answers whose server time lies within the round trip: the device clock may be right.
    clock.observeServerTime(T + 40, T, T + 100);
    clock.observeServerTime(T + 290, T + 100, T + 300);
    expect(clock.now()).toBe(T);
    // The clock is set an hour ahead by hand: the next answer shows it.
    now.value = T + 3_600_000 + 300;
    clock.observeServerTime(T + 320, T + 3_600_000 + 300, T + 3_600_000 + 340);
    expect(clock.now()).toBe(T + 300);
  });

  it.each([
    ['2026-03-10T10:00:00.000Z', { ms: T, counter: -1 }],
    [formatStamp(T, 0x1f, 'node1'), { ms: T, counter: 0x1f }],
    ['yesterday', null],
  ])('parseStamp(%s)', (stamp, parsed) => {
    expect(parseStamp(stamp)).toEqual(parsed);
  });

  it('an ISO instant (a document from before clocks) sorts before every stamp of its millisecond', () => {
    expect('2026-03-10T10:00:00.000Z' < formatStamp(T, 0, 'a')).toBe(true);
    expect(formatStamp(T, 0, 'a') < '2026-03-10T10:00:00.001Z').toBe(true);
  });
});
