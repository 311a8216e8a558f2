import webpush from 'web-push';
import type { PushStore } from '../storage/push-store.ts';

/** The key pair push services know this server by (RFC 8292), and who to contact about it. */
export interface Vapid {
  publicKey: string;
  privateKey: string;
  /** A mailto: or https: URL a push service may use to reach the operator. */
  subject: string;
}

export interface VapidSettings {
  publicKey?: string;
  privateKey?: string;
  subject?: string;
}

export const DEFAULT_VAPID_SUBJECT = 'mailto:admin@spotter.invalid';

/**
 * The VAPID keys from the environment when both are given, else the pair stored in the
 * database, created on the first start. Stored rather than generated per start: every
 * subscription is bound to the key it was made with, so a new key would silence every device;
 * and every instance on one database must sign with the same key.
 */
export async function loadVapid(store: PushStore, settings: VapidSettings = {}, now = new Date().toISOString()): Promise<Vapid> {
  const subject = settings.subject || DEFAULT_VAPID_SUBJECT;
  if (settings.publicKey && settings.privateKey) return { publicKey: settings.publicKey, privateKey: settings.privateKey, subject };
  if (settings.publicKey || settings.privateKey) throw new Error('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together: give both, or neither (the server then keeps a pair in its database).');
  const stored = JSON.parse(await store.setting('vapid', () => JSON.stringify(webpush.generateVAPIDKeys()), now)) as { publicKey: string; privateKey: string };
  return { ...stored, subject };
}
