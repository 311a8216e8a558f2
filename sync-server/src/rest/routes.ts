import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personSchema } from '@spotter/shared';
import { notFound } from '../errors.ts';

/** Seed 002's REST API: thin routes over rest/*.service.ts. Authenticated by the parent scope. */
export const restRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/me', { schema: { tags: ['rest'], response: { 200: personSchema } } }, async (req) => {
    const me = app.repo.get('people', req.viewer.id);
    if (!me || me.deleted) throw notFound('Your account no longer exists.');
    return me.doc as z.infer<typeof personSchema>;
  });
};
