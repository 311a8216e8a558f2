import http from 'node:http';
import https from 'node:https';
import webpush from 'web-push';
import type { PushPayload } from '@spotter/shared';
import type { PushSubscriptionRow } from '../storage/push-store.ts';
import { guardedLookup, urlRefusal } from './endpoint.ts';
import type { Vapid } from './vapid.ts';

/** What a push service answered: delivered, gone for good (forget the subscription), or failed for now. */
export type Delivery = 'sent' | 'gone' | 'failed';

/**
 * Sends one notification to one browser: RFC 8291 aes128gcm encryption and the VAPID
 * signature by the `web-push` package, the request by us, so that it connects only to a
 * checked public address (endpoint.ts) — or to an allow-listed origin, over http too.
 * 404 and 410 mean the subscription expired or was withdrawn (RFC 8030 §7.3): gone.
 */
export async function deliver(sub: PushSubscriptionRow, payload: PushPayload, vapid: Vapid, allow: ReadonlySet<string>): Promise<Delivery> {
  if (urlRefusal(sub.endpoint, allow)) return 'gone';
  const details = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, JSON.stringify(payload), {
    vapidDetails: vapid,
    // Half a day: a session or a message older than that is better read in the app than pushed late.
    TTL: 12 * 3600,
    contentEncoding: 'aes128gcm',
    urgency: 'normal',
  });
  const url = new URL(details.endpoint);
  const allowed = allow.has(url.origin);
  const status = await new Promise<number>((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: details.method, headers: details.headers as Record<string, string>, timeout: 15_000, ...(allowed ? {} : { lookup: guardedLookup() }) },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new Error('push service timed out')));
    req.on('error', reject);
    req.end(details.body);
  }).catch((e: NodeJS.ErrnoException) => (e.code === 'EPUSHADDRESS' ? -1 : 0));
  if (status >= 200 && status < 300) return 'sent';
  // Its host now resolves inside a private network: never to be called again.
  if (status === -1) return 'gone';
  return status === 404 || status === 410 ? 'gone' : 'failed';
}
