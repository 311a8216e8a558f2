import type { SessionItem } from './types.ts';

/**
 * Today's reminder (docs/DESIGN.md "Logging a workout"): today's published sessions that are not complete yet,
 * first one linked. Null when nothing is left for today, so a done day stays quiet.
 */
export function todayReminder(today: readonly SessionItem[]): { sessionId: string; text: string } | null {
  const [first, ...rest] = today.filter((s) => !s.completed);
  if (!first) return null;
  const name = first.title.trim() || 'Your session';
  const more = rest.length === 0 ? '' : ` (+${rest.length} more)`;
  const started = first.logged > 0 ? `${first.logged} of ${first.exerciseCount} exercises logged` : `${first.exerciseCount} exercise${first.exerciseCount === 1 ? '' : 's'}`;
  return { sessionId: first.id, text: `Today: ${name}${more} — ${started}.` };
}

/**
 * A notification at most once per calendar day, only with the browser's permission and only
 * when something is left to do: a reminder that repeats on every open would be turned off.
 */
export function shouldNotify(opts: { lastNotifiedDay: string | null; today: string; hasReminder: boolean; permission: NotificationPermission | 'unsupported' }): boolean {
  return opts.permission === 'granted' && opts.hasReminder && opts.lastNotifiedDay !== opts.today;
}
