import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, pushKeyAnswerSchema, pushUnsubscribeSchema, webPushSubscriptionSchema } from '@spotter/shared';

const ok = z.strictObject({ ok: z.literal(true) });
const errors = { 400: errorSchema, 401: errorSchema };

/**
 * Web Push for this device (docs/DESIGN.md "Notifications"): the server's public key, and
 * saving or forgetting where this device is reached. Authenticated by the parent scope; a
 * subscription is saved under the person and the sign-in of the token that sent it.
 */
export const pushRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['push'];

  api.get('/push/key', { schema: { tags, response: { 200: pushKeyAnswerSchema, ...errors } } }, async () => ({ publicKey: app.pushes.publicKey }));

  api.post('/push/subscriptions', { schema: { tags, body: webPushSubscriptionSchema, response: { 200: ok, ...errors } } }, async (req) => {
    await app.pushes.subscribe(req.viewer, typeof req.user?.sid === 'string' ? req.user.sid : null, req.body);
    return { ok: true as const };
  });

  api.delete('/push/subscriptions', { schema: { tags, body: pushUnsubscribeSchema, response: { 200: ok, ...errors } } }, async (req) => {
    await app.pushes.unsubscribe(req.viewer, req.body.endpoint);
    return { ok: true as const };
  });
};
