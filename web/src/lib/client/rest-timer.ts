/**
 * The rest timer counts from the instant a set was logged, not by decrementing on each tick:
 * a phone that locks the screen throttles timers, and the rest must still end on time.
 */
export function remainingSeconds(startedAtMs: number, restSeconds: number, nowMs: number): number {
  return Math.max(0, Math.ceil((startedAtMs + restSeconds * 1000 - nowMs) / 1000));
}

/** "1:05" */
export function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** A running rest, kept on the device so it survives navigation, a reload and a locked screen. */
export interface Rest {
  label: string;
  seconds: number;
  startedAt: number;
  /** The workout page it was started on: "Back to workout". */
  href: string;
  /** The end was announced (vibration, notification): once only, also across tabs and reloads. */
  alerted: boolean;
}

/**
 * The stored rest, or null when there is none, it is not one (an older or damaged value), or
 * it ended more than ten minutes ago (nobody wants yesterday's "Rest over").
 */
export function parseRest(text: string | null, nowMs: number): Rest | null {
  if (!text) return null;
  try {
    const r = JSON.parse(text) as Partial<Rest>;
    const ok = typeof r.label === 'string' && typeof r.href === 'string' && r.href.startsWith('/') && Number.isFinite(r.seconds) && Number.isFinite(r.startedAt);
    if (!ok) return null;
    if (nowMs - (r.startedAt! + r.seconds! * 1000) > 10 * 60_000) return null;
    return { label: r.label!, seconds: r.seconds!, startedAt: r.startedAt!, href: r.href!, alerted: r.alerted === true };
  } catch {
    return null;
  }
}
