/**
 * When Spotter asks for permission to notify (docs/DESIGN.md "Notifications"): never on load,
 * only once the person has done something that makes the reason plain (a coach's first
 * submitted session, a client's first logged workout), once per device, and not while the
 * install offer is on screen (one question at a time). Pure: push-state.svelte.ts feeds it.
 */
export interface PushFacts {
  /** The browser has service workers, PushManager and Notification. */
  supported: boolean;
  /** Notification.permission: only 'default' can still be asked. */
  permission: NotificationPermission;
  /** The first useful action happened on this device. */
  usefulActionDone: boolean;
  /** The person answered the offer on this device. */
  answered: boolean;
  /** The install offer is showing. */
  installOfferShown: boolean;
}

export function shouldOfferPush(f: PushFacts): boolean {
  return f.supported && f.permission === 'default' && f.usefulActionDone && !f.answered && !f.installOfferShown;
}

/** The sentence that says what the permission is for, in the person's role. */
export const offerText = (role: 'coach' | 'client' | 'admin'): string =>
  role === 'coach'
    ? 'Get told when a client logs a workout or writes to you, even with Spotter closed.'
    : 'Get told when your coach sends a new session or a message, even with Spotter closed.';
