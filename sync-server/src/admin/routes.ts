import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bulkAssignRequestSchema, bulkAssignResponseSchema, errorSchema, newTrainerSchema, personSchema } from '@spotter/shared';
import { hashNewPassword } from '../auth/passwords.ts';
import { forbidden } from '../errors.ts';
import { bulkAssign } from './assign.ts';
import { createTrainer } from './trainers.ts';

/**
 * The admin's REST routes: assign clients to trainers, manage the trainer roster
 * (docs/DESIGN.md "Admin: trainers and assignments"). Register inside the authenticated `/api` scope: it relies on `req.viewer`.
 * Assignment goes through REST, not sync: the server must answer at once (capacity), and a
 * reassignment is two rows (end the old, start the new) that must land together.
 */
export const adminRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.addHook('preHandler', async (req) => {
    if (req.viewer?.role !== 'admin') throw forbidden('Only an admin can manage trainers and assignments.');
  });

  api.post('/admin/trainers', {
    schema: {
      tags: ['admin'],
      summary: 'Create a coach account with its trainer profile',
      body: newTrainerSchema,
      response: { 201: personSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema },
    },
  }, async (req, reply) => {
    const person = await createTrainer(app.repo, req.body, await hashNewPassword(req.body));
    app.notifier.publish({ collections: ['people'] });
    return reply.code(201).send(person);
  });

  api.post('/admin/assignments/bulk', {
    schema: {
      tags: ['admin'],
      summary: 'Assign clients to one trainer, all or nothing (ends their previous assignments)',
      body: bulkAssignRequestSchema,
      response: { 200: bulkAssignResponseSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (req) => {
    const { result, changed } = await bulkAssign(app.repo, req.viewer, req.body);
    // After commit, so a device woken by the stream pulls the committed rows.
    app.notifier.publish({ collections: [...changed] });
    // Clients changed coach: whose reminders reach whom is planned again.
    if (changed.size) app.scheduler.replan();
    return result;
  });

};
