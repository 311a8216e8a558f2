import type { Device } from '#lib/data/device.ts';
import { installState } from '../install/install-state.svelte.ts';
import { shouldOfferPush } from './offer.ts';
import { currentPermission, currentSubscription, disablePush, enablePush, pushSupported, type EnableResult } from './push-device.ts';

// Remembered per device, like the install offer's answer.
const ANSWERED_KEY = 'spotter-push-answered';

/**
 * Notifications on this device: the browser's permission, whether this device is subscribed,
 * and the one-time offer after the first useful action (offer.ts). One per page, shared by the
 * shell's offer and the account panel's switch.
 */
class PushState {
  permission = $state<NotificationPermission>('default');
  /** This device has a push subscription (it is saved on the server whenever the app opens). */
  subscribed = $state(false);
  busy = $state(false);
  /** What the last attempt to turn notifications on answered, for the sentence shown. */
  result = $state<EnableResult | null>(null);
  #answered = $state(false);
  readonly supported = pushSupported();

  get offered(): boolean {
    return shouldOfferPush({
      supported: this.supported,
      permission: this.permission,
      usefulActionDone: installState.usefulDone,
      answered: this.#answered,
      installOfferShown: installState.offer !== 'none',
    });
  }

  /** Reads what the browser already knows; asks nothing. */
  async start(): Promise<void> {
    if (!this.supported) return;
    try {
      this.#answered = localStorage.getItem(ANSWERED_KEY) === '1';
    } catch {
      // Storage refused: the offer may come back; nothing else depends on it.
    }
    this.permission = currentPermission();
    this.subscribed = !!(await currentSubscription().catch(() => null));
  }

  async turnOn(device: Device): Promise<EnableResult> {
    this.answer();
    this.busy = true;
    try {
      this.result = await enablePush(device);
      this.permission = currentPermission();
      this.subscribed = this.result === 'on';
      return this.result;
    } finally {
      this.busy = false;
    }
  }

  async turnOff(device: Device): Promise<void> {
    this.busy = true;
    try {
      await disablePush(device);
      this.subscribed = false;
      this.result = null;
    } finally {
      this.busy = false;
    }
  }

  /** "Not now" (or any answer): the offer does not come back on this device. */
  answer(): void {
    this.#answered = true;
    try {
      localStorage.setItem(ANSWERED_KEY, '1');
    } catch {
      // As above.
    }
  }
}

export const pushState = new PushState();
