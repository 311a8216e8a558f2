import type { ClientRow } from './rows.ts';

/**
 * The dashboard's rows as last computed, shown at the next start while its queries read about
 * a thousand documents again (data/snapshots.ts). Bump FORMAT whenever ClientRow changes: a
 * snapshot written by an older version of the app is then ignored, never rendered half-right.
 */
export const FORMAT = 1;
export const KEY = 'coach-dashboard';

export interface RowsSnapshot {
  format: number;
  coachId: string;
  /** The day the rows were judged against: late, this week and compliance change with it. */
  today: string;
  rows: ClientRow[];
}

export const snapshotOf = (coachId: string, today: string, rows: ClientRow[]): RowsSnapshot => ({ format: FORMAT, coachId, today, rows });

/** Accepts only this coach's snapshot of this day in this format. */
export function acceptSnapshot(coachId: string, today: string) {
  return (value: unknown): value is RowsSnapshot => {
    if (typeof value !== 'object' || value === null) return false;
    const s = value as Partial<RowsSnapshot>;
    return s.format === FORMAT && s.coachId === coachId && s.today === today && Array.isArray(s.rows) &&
      s.rows.every((r) => typeof r === 'object' && r !== null && typeof r.clientId === 'string' && typeof r.name === 'string');
  };
}

/**
 * Saves the rows once they have settled: not while the first sync still changes them, at most
 * once per `delayMs`, and only when they differ from what was saved last.
 */
export class SnapshotKeeper {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last = '';
  constructor(
    private readonly save: (snapshot: RowsSnapshot) => unknown,
    private readonly delayMs = 1000,
  ) {}

  /** `compute` runs when the delay is over, so a burst of changes computes the rows once. */
  changed(compute: () => RowsSnapshot | null): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const snapshot = compute();
      if (!snapshot) return;
      const json = JSON.stringify(snapshot);
      if (json === this.#last) return;
      this.#last = json;
      this.save(snapshot);
    }, this.delayMs);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }
}
