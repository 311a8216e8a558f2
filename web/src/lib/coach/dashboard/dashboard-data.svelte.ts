import { todayLocal } from '@spotter/shared';
import { map, type Subscription } from 'rxjs';
import type { Device } from '../../data/device.ts';
import { coalesceWhile, type DashboardInput } from '../../data/dashboard-queries.ts';
import { clientRows, type ClientRow } from './rows.ts';

/** During a first sync the table is recomputed at most this often (pages of 1000 documents land several times a second). */
const SYNC_RENDER_MS = 750;

/**
 * The coach dashboard's live rows, from bounded queries (data/dashboard-queries.ts) so a cold start
 * reads about a thousand documents, not a large account's whole history.
 */
export class DashboardData {
  // Raw state: each answer replaces the whole input, never edited in place (no deep proxies).
  input = $state.raw<DashboardInput | null>(null);
  /** The day the numbers are judged against; `tick()` moves it (and the query window) on at midnight. */
  today = $state(todayLocal());
  /** The first sync of this device is still running. */
  syncing = $state(false);
  /** ...and has brought the recent weeks: the numbers are right, older history is still coming. */
  recentIn = $state(false);

  readonly #device: Device;
  readonly #me: string;
  #sub: Subscription | null = null;
  #stops: (() => void)[] = [];

  constructor(device: Device, me: string) {
    this.#device = device;
    this.#me = me;
    const state = device.syncState$.subscribe((s) => {
      this.syncing = s.initialSync < 1 && !!s.user;
      this.recentIn = s.recentSynced;
    });
    const timer = setInterval(() => this.tick(), 60_000);
    this.#stops.push(() => state.unsubscribe(), () => clearInterval(timer));
    this.#start();
  }

  #start(): void {
    this.#sub?.unsubscribe();
    // Pages land several times a second until the recent weeks are in; after that, few changes.
    const busy = () => !this.#device.syncState$.value.recentSynced;
    const sync$ = this.#device.syncState$.pipe(map((s) => ({ syncing: s.initialSync < 1 && !!s.user, recentIn: s.recentSynced })));
    this.#sub = this.#device.queries.dashboard(this.#me, this.today, sync$)
      .pipe(coalesceWhile(busy, SYNC_RENDER_MS))
      .subscribe((input) => (this.input = input));
  }

  get ready(): boolean {
    return this.input !== null;
  }

  get rows(): ClientRow[] {
    const i = this.input;
    return i ? clientRows({ coachId: this.#me, ...i, today: this.today }) : [];
  }

  tick(): void {
    const now = todayLocal();
    if (now === this.today) return;
    this.today = now;
    this.#start(); // the window moves with the day
  }

  destroy(): void {
    this.#sub?.unsubscribe();
    for (const stop of this.#stops) stop();
  }
}
