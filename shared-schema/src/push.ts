import { z } from 'zod';

/**
 * Web Push wire types (docs/DESIGN.md "Notifications"): what a device sends to be reached
 * (the browser's PushSubscription.toJSON()) and what the server answers.
 */
const base64url = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+={0,2}$/, 'expected base64url');

export const webPushSubscriptionSchema = z.strictObject({
  /** The push service's URL for this browser; checked by the server before it is stored or called. */
  endpoint: z.string().min(1).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    /** The browser's P-256 public key (65 bytes uncompressed: 87 characters). */
    p256dh: base64url(80, 100),
    /** The 16-byte authentication secret (22 characters). */
    auth: base64url(16, 30),
  }),
});
export type WebPushSubscription = z.infer<typeof webPushSubscriptionSchema>;

export const pushUnsubscribeSchema = z.strictObject({ endpoint: z.string().min(1).max(2048) });

/** The server's VAPID public key: the browser's `applicationServerKey`. */
export const pushKeyAnswerSchema = z.strictObject({ publicKey: z.string().min(1).max(200) });

/** What the service worker receives in a push and shows (docs/DESIGN.md "Notifications"). */
export const pushPayloadSchema = z.strictObject({
  title: z.string().max(300),
  body: z.string().max(500),
  url: z.string().max(300).regex(/^\/[^/]/, 'expected a path in the app'),
  tag: z.string().max(100),
});
export type PushPayload = z.infer<typeof pushPayloadSchema>;
