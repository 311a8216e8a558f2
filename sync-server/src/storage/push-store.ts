import { methodsOf } from './delegate.ts';

/**
 * The Web Push side of the Repository (docs/DESIGN.md "Notifications"): the server's own
 * settings (its VAPID key pair) and where each signed-in device is reached. In the database,
 * so every instance signs with the same key and reaches the same devices, and a restart
 * forgets nothing.
 */

export interface PushSubscriptionRow {
  endpoint: string;
  userId: string;
  /** The sign-in (token family) the device subscribed under. */
  familyId: string | null;
  p256dh: string;
  auth: string;
}

export interface PushStore {
  /**
   * The setting under `key`, stored first as `make()` when there is none. The first writer
   * wins: two instances starting at once both answer the value that was stored.
   */
  setting(key: string, make: () => string, now: string): Promise<string>;
  /** Saves (or moves to this person and sign-in) the subscription of one browser, by its endpoint. */
  savePushSubscription(sub: PushSubscriptionRow, now: string): Promise<void>;
  /** Forgets an endpoint: of this user only when `userId` is given. Answers how many rows went. */
  deletePushSubscription(endpoint: string, userId?: string): Promise<number>;
  /** A person's subscriptions, each with whether its sign-in is still live (a signed-out device's is not). */
  pushSubscriptionsOf(userId: string): Promise<(PushSubscriptionRow & { live: boolean })[]>;
}

/** Every method of PushStore, for the repositories' delegation (delegate.ts). */
export const pushStoreMethods = methodsOf<PushStore>()(['setting', 'savePushSubscription', 'deletePushSubscription', 'pushSubscriptionsOf']);
