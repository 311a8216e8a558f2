import { defaultNotificationPrefs, type NotificationKind, type NotificationPrefs, type Role } from '@spotter/shared';

/**
 * The account panel's notification settings (docs/DESIGN.md "Notifications"): which switches a
 * role has, and the preferences a change makes. Pure, tested beside it.
 */
export const kindsFor = (role: Role): { kind: NotificationKind; label: string }[] =>
  role === 'coach'
    ? [
        { kind: 'clientLogged', label: "A client logs or completes a workout" },
        { kind: 'messages', label: 'Messages and comments' },
        { kind: 'clientAlerts', label: 'A client misses a session or falls behind' },
      ]
    : role === 'client'
      ? [
          { kind: 'newSession', label: 'A new session from your coach' },
          { kind: 'messages', label: 'Messages and comments' },
          { kind: 'reminders', label: 'Reminders' },
        ]
      : [];

/**
 * The preferences after one change, with this device's time zone: quiet hours are read on the
 * person's clock, and the device they last set them on knows it best. A quiet-hours end
 * without a start (or the reverse) stays as typed but counts as none (shouldNotify).
 */
export function changedPrefs(current: NotificationPrefs | undefined, change: Partial<NotificationPrefs>, timeZone: string): NotificationPrefs {
  const base = current ?? defaultNotificationPrefs(timeZone);
  const next = { ...base, ...change, timeZone };
  return { ...next, quietFrom: next.quietFrom || null, quietTo: next.quietTo || null };
}
