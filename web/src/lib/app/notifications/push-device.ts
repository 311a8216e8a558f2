import type { WebPushSubscription } from '@spotter/shared';
import type { Device } from '#lib/data/device.ts';

/**
 * This browser's side of Web Push (docs/DESIGN.md "Notifications"): the permission, the
 * PushManager subscription made with the server's key, and saving it through the data layer.
 * Nothing here runs on load except re-saving a subscription that already exists.
 */

export const pushSupported = (): boolean =>
  typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

export const currentPermission = (): NotificationPermission => (pushSupported() ? Notification.permission : 'denied');

async function registration(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.ready;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  return (await registration()).pushManager.getSubscription();
}

const toWire = (sub: PushSubscription): WebPushSubscription => sub.toJSON() as WebPushSubscription;

export type EnableResult = 'on' | 'denied' | 'unsupported' | 'offline' | 'failed';

/**
 * Asks for permission (only from a tap: browsers refuse a prompt without one), subscribes
 * with the server's key and saves the subscription. A subscription made with another key (the
 * server's pair was replaced) is dropped and made again.
 */
export async function enablePush(device: Device): Promise<EnableResult> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  let key: string;
  try {
    key = await device.commands.pushKey();
  } catch (err) {
    return err instanceof TypeError ? 'offline' : 'failed';
  }
  try {
    const manager = (await registration()).pushManager;
    let sub = await manager.getSubscription();
    if (sub && !sameKey(sub, key)) {
      await sub.unsubscribe();
      sub = null;
    }
    sub ??= await manager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    await device.commands.savePushSubscription(toWire(sub));
    return 'on';
  } catch (err) {
    return err instanceof TypeError ? 'offline' : 'failed';
  }
}

function sameKey(sub: PushSubscription, key: string): boolean {
  const raw = sub.options.applicationServerKey;
  if (!raw) return false;
  const bytes = new Uint8Array(raw);
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '') === key.replace(/=+$/, '');
}

/** Stops notifications on this device: forgotten by the server (best effort) and by the browser. */
export async function disablePush(device: Device): Promise<void> {
  const sub = await currentSubscription().catch(() => null);
  if (!sub) return;
  await device.commands.deletePushSubscription(sub.endpoint).catch(() => undefined);
  await sub.unsubscribe().catch(() => undefined);
}

/**
 * Saves this device's subscription again when the app opens, and whenever the service worker
 * renewed it (`pushsubscriptionchange` in web/static/sw-notify.js): a rotated subscription
 * reaches the server even if the worker's renewal happened with no window open.
 */
export function keepPushSubscriptionSaved(device: Device): () => void {
  if (!pushSupported()) return () => {};
  const save = (sub: WebPushSubscription) => void device.commands.savePushSubscription(sub).catch(() => undefined);
  if (currentPermission() === 'granted') void currentSubscription().then((sub) => sub && save(toWire(sub)), () => undefined);
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: string; subscription?: WebPushSubscription; oldEndpoint?: string } | null;
    if (data?.type !== 'PUSH_SUBSCRIPTION_CHANGED' || !data.subscription) return;
    if (data.oldEndpoint && data.oldEndpoint !== data.subscription.endpoint) void device.commands.deletePushSubscription(data.oldEndpoint).catch(() => undefined);
    save(data.subscription);
  };
  navigator.serviceWorker.addEventListener('message', onMessage);
  return () => navigator.serviceWorker.removeEventListener('message', onMessage);
}
