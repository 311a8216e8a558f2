import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptSnapshot, FORMAT, snapshotOf, SnapshotKeeper, type RowsSnapshot } from './snapshot.ts';
import type { ClientRow } from './rows.ts';

const row = (name: string) => ({ clientId: `id-${name}`, name }) as ClientRow;
const good = snapshotOf('coach-1', '2026-12-07', [row('Ana')]);

describe('which dashboard snapshot is shown at a start', () => {
  it.each([
    ['this coach, this day, this format', good, true],
    ['another coach', { ...good, coachId: 'coach-2' }, false],
    ['yesterday (late, this week and compliance moved on)', { ...good, today: '2026-12-06' }, false],
    ['an older format of the rows', { ...good, format: FORMAT - 1 }, false],
    ['rows without a client id', { ...good, rows: [{ name: 'Ana' }] }, false],
    ['not rows at all', { ...good, rows: 'Ana' }, false],
    ['nothing', null, false],
  ])('%s → %s', (_, value, shown) => {
    expect(acceptSnapshot('coach-1', '2026-12-07')(value)).toBe(shown);
  });
});

describe('SnapshotKeeper', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once per burst of changes, and not again while the rows are the same', () => {
    const saved: RowsSnapshot[] = [];
    const keeper = new SnapshotKeeper((s) => saved.push(s), 1000);
    let computed = 0;
    const compute = () => (computed++, good);
    keeper.changed(compute);
    keeper.changed(compute);
    vi.advanceTimersByTime(999);
    expect(saved).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([good]);
    expect(computed).toBe(1);
    keeper.changed(compute);
    vi.advanceTimersByTime(1000);
    expect(saved).toHaveLength(1);
    keeper.changed(() => snapshotOf('coach-1', '2026-12-07', [row('Ana'), row('Ben')]));
    vi.advanceTimersByTime(1000);
    expect(saved.map((s) => s.rows.length)).toEqual([1, 2]);
  });

  it('saves nothing when the rows are not ready (first sync running), nor after stop', () => {
    const saved: RowsSnapshot[] = [];
    const keeper = new SnapshotKeeper((s) => saved.push(s), 1000);
    keeper.changed(() => null);
    vi.advanceTimersByTime(1000);
    keeper.changed(() => good);
    keeper.stop();
    vi.advanceTimersByTime(1000);
    expect(saved).toEqual([]);
  });
});
