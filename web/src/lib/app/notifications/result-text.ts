import type { EnableResult } from './push-device.ts';

/** What the person reads when notifications could not be turned on, and what to do about it. */
export const resultText: Record<Exclude<EnableResult, 'on'>, string> = {
  denied: "Notifications are blocked for Spotter in this browser's settings. Allow them there, then turn them on here.",
  offline: "Turning notifications on needs a connection. Try again when you're online.",
  unsupported: "This browser can't show notifications from Spotter.",
  failed: 'The browser could not set up notifications. Try again later.',
};
