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
