import { todayLocal } from '@spotter/shared';
import { map, type Subscription } from 'rxjs';
import type { Device } from '../../data/device.ts';
import { coalesceWhile, type DashboardInput } from '../../data/dashboard-queries.ts';
import { clientRows, type ClientRow } from './rows.ts';
import { acceptSnapshot, KEY, snapshotOf, SnapshotKeeper } from './snapshot.ts';

/** During a first sync the table is recomputed at most this often (pages of 1000 documents land several times a second). */
const SYNC_RENDER_MS = 750;

/**
 * The coach dashboard's live rows, from bounded queries (data/dashboard-queries.ts) so a cold start
 * reads about a thousand documents, not a large account's whole history. Until those answer, the
 * rows this device last computed for this coach and day are shown (snapshot.ts): a coach opening
 * the app on the gym floor sees the clients at once instead of a skeleton.
 */
export class DashboardData {
  // Raw state: each answer replaces the whole input, never edited in place (no deep proxies).
  input = $state.raw<DashboardInput | null>(null);
  /** The last rows this device computed (for this coach and day), until `input` answers. */
  saved = $state.raw<ClientRow[] | null>(null);
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
  readonly #keeper: SnapshotKeeper;

  constructor(device: Device, me: string) {
    this.#device = device;
    this.#me = me;
    const state = device.syncState$.subscribe((s) => {
      this.syncing = s.initialSync < 1 && !!s.user;
      this.recentIn = s.recentSynced;
    });
    const timer = setInterval(() => this.tick(), 60_000);
    this.#keeper = new SnapshotKeeper((snapshot) => device.snapshots.save(KEY, snapshot));
    this.#stops.push(() => state.unsubscribe(), () => clearInterval(timer), () => this.#keeper.stop());
    const today = this.today;
    void device.snapshots.load(KEY, acceptSnapshot(me, today)).then((snapshot) => {
      if (snapshot && this.input === null && this.today === today) this.saved = snapshot.rows;
    });
    this.#start();
  }

  #start(): void {
    this.#sub?.unsubscribe();
    // Pages land several times a second until the recent weeks are in; after that, few changes.
    const busy = () => !this.#device.syncState$.value.recentSynced;
    const sync$ = this.#device.syncState$.pipe(map((s) => ({ syncing: s.initialSync < 1 && !!s.user, recentIn: s.recentSynced })));
    this.#sub = this.#device.queries.dashboard(this.#me, this.today, sync$)
      .pipe(coalesceWhile(busy, SYNC_RENDER_MS))
      .subscribe((input) => {
        this.input = input;
        // Kept once the first sync is over: rows of a half-synced history would be wrong next time.
        this.#keeper.changed(() => (this.syncing || this.input !== input ? null : snapshotOf(this.#me, this.today, this.#rowsOf(input))));
      });
  }

  get ready(): boolean {
    return this.input !== null || this.saved !== null;
  }

  get rows(): ClientRow[] {
    const i = this.input;
    return i ? this.#rowsOf(i) : (this.saved ?? []);
  }

  #rowsOf(input: DashboardInput): ClientRow[] {
    return clientRows({ coachId: this.#me, ...input, today: this.today });
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
