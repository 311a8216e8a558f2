/**
 * A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): the stamp of each
 * edit of a field (docs/DESIGN.md "The last edit of each field wins"). Device clocks are wrong in real
 * life (hours off, set back by hand), so the physical part is the device's clock corrected by
 * the server's time, learnt from every answer; and a stamp never goes behind the clock's own
 * last stamp nor behind a stamp the device has seen (`stamp(after)`), so an edit made after
 * seeing another is always later than it, whatever the device's clock says.
 *
 * A stamp is `<ISO instant>-<counter, 4 hex>-<node>`: strings compare in time order, and an
 * ISO `updatedAt` (documents written before per-field clocks) compares before every stamp of
 * the same millisecond. The node (random per device) makes stamps of two devices never equal.
 *
 * One instance per device, passed in (no module-level clock: tests and the simulation run
 * several devices, and skew each one's clock).
 */
export interface ClockSource {
  /** The device's wall clock, ms since the epoch (Date.now unless injected). */
  now(): number;
}

export const hlcPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z(?:-[0-9a-f]{4}-[A-Za-z0-9]{1,16})?$/;

export interface ParsedStamp {
  ms: number;
  /** -1 for a bare ISO instant (it sorts before counter 0 of its millisecond). */
  counter: number;
}

export function parseStamp(stamp: string): ParsedStamp | null {
  if (!hlcPattern.test(stamp)) return null;
  const ms = Date.parse(stamp.slice(0, 24));
  if (Number.isNaN(ms)) return null;
  return { ms, counter: stamp.length > 24 ? parseInt(stamp.slice(25, 29), 16) : -1 };
}

export function formatStamp(ms: number, counter: number, node: string): string {
  return `${new Date(ms).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export class HybridClock {
  readonly node: string;
  private readonly source: ClockSource;
  /** Server time minus device time, learnt from answers (0 until the first one). */
  private offset = 0;
  /** How far `offset` may be off (ms): half the round trip it was learnt from; 0 = trusted. */
  private uncertainty = 0;
  private lastMs = 0;
  private lastCounter = -1;

  constructor(opts: { node: string; source?: ClockSource; offsetMs?: number }) {
    if (!/^[A-Za-z0-9]{1,16}$/.test(opts.node)) throw new Error('A clock node is 1-16 letters or digits.');
    this.node = opts.node;
    this.source = opts.source ?? { now: () => Date.now() };
    this.offset = opts.offsetMs ?? 0;
  }

  /** The device's own clock, uncorrected (to time a request). */
  deviceNow(): number {
    return this.source.now();
  }

  /** The best estimate of the real time: the device clock corrected by the server's. */
  now(): number {
    return this.source.now() + this.offset;
  }

  /** Server time minus device time, as last learnt (kept across a close by the device). */
  get offsetMs(): number {
    return this.offset;
  }

  /** The correction learnt before a close, until the server answers again. */
  restoreOffset(ms: number): void {
    if (Number.isFinite(ms)) this.offset = ms;
    this.uncertainty = Number.POSITIVE_INFINITY;
  }

  /**
   * The server said it was `serverMs` while a request was under way from `sentAt` to
   * `receivedAt` (device clock). The server's clock then read within half the round trip of
   * `serverMs - middle`: the offset is kept while it lies in that window (a right device clock
   * is never "corrected" by network jitter), replaced when it does not (the device clock is off,
   * or was changed), and narrowed by a faster round trip.
   */
  observeServerTime(serverMs: number, sentAt: number, receivedAt: number): void {
    if (!Number.isFinite(serverMs) || receivedAt < sentAt) return;
    const half = (receivedAt - sentAt) / 2;
    const sample = serverMs - (sentAt + receivedAt) / 2;
    const consistent = Math.abs(sample - this.offset) <= half + 1;
    if (consistent && half >= this.uncertainty) return;
    this.offset = sample;
    this.uncertainty = half;
  }

  /** A new stamp, later than every stamp this clock gave and than `after` (a stamp seen). */
  stamp(after?: string | null): string {
    const seen = after ? parseStamp(after) : null;
    let ms = Math.max(Math.floor(this.now()), this.lastMs);
    let counter = ms === this.lastMs ? this.lastCounter + 1 : 0;
    if (seen && (seen.ms > ms || (seen.ms === ms && seen.counter >= counter))) {
      ms = seen.ms;
      counter = seen.counter + 1;
    }
    if (counter > 0xffff) {
      ms += 1;
      counter = 0;
    }
    this.lastMs = ms;
    this.lastCounter = counter;
    return formatStamp(ms, counter, this.node);
  }
}

/** The answer header carrying the server's clock (ms since the epoch). */
export const serverTimeHeader = 'x-server-time';
