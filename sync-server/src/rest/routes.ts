import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newClientAnswerSchema } from '@spotter/shared/answers.ts';
import {
  assignmentSchema, calendarDate, errorSchema, exerciseSchema, id, messageSchema, newClientSchema, personSchema, sessionLogSchema, sessionSchema,
} from '@spotter/shared';
import { notFound } from '../errors.ts';
import { addClient, getClient, listClients } from './clients.service.ts';
import { clientSessions, createSession, getExercisesFor, getSession } from './sessions.service.ts';

const clientSummary = z.object({
  client: personSchema,
  assignment: assignmentSchema.nullable(),
  lastWorkout: z.string().nullable().describe('ISO instant of the latest completion or logged entry'),
  compliancePercent: z.number().nullable().describe('Sessions completed on time / published sessions due in the last 30 days; null when none were due'),
  nextSession: sessionSchema.nullable(),
});
const sessionWithLogs = z.object({ session: sessionSchema, log: sessionLogSchema.nullable(), comments: z.array(messageSchema) });
const clientParams = z.object({ id });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** The REST API for integrations and the coach's "add client": thin routes over the *.service.ts functions. Authenticated by the parent scope. */
export const restRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['rest'];

  api.get('/me', { schema: { tags, response: { 200: personSchema, ...errors } } }, async (req) => {
    const me = await app.repo.get('people', req.viewer.id);
    if (!me || me.deleted) throw notFound('Your account no longer exists.');
    return me.doc as z.infer<typeof personSchema>;
  });

  api.get('/clients', { schema: { tags, response: { 200: z.array(clientSummary), ...errors } } }, async (req) => listClients(app.repo, req.viewer));

  api.get('/clients/:id', { schema: { tags, params: clientParams, response: { 200: clientSummary, ...errors } } }, async (req) =>
    getClient(app.repo, req.viewer, req.params.id));

  api.post('/clients', {
    schema: { tags, body: newClientSchema, response: { 201: newClientAnswerSchema, ...errors } },
  }, async (req, reply) => {
    const created = await addClient(app.repo, req.viewer, req.body);
    app.notifier.publish({ collections: ['people', 'assignments'] });
    // A new client of the coach: their reminders for all clients now include this one.
    app.scheduler.replan();
    return reply.code(201).send(created);
  });

  api.get('/exercises', { schema: { tags, response: { 200: z.array(exerciseSchema), ...errors } } }, async (req) => getExercisesFor(app.repo, req.viewer));

  api.get('/clients/:id/sessions', {
    schema: { tags, params: clientParams, querystring: z.object({ from: calendarDate.optional(), to: calendarDate.optional() }), response: { 200: z.array(sessionWithLogs), ...errors } },
  }, async (req) => clientSessions(app.repo, req.viewer, req.params.id, req.query.from, req.query.to));

  api.get('/sessions/:id', { schema: { tags, params: clientParams, response: { 200: sessionWithLogs, ...errors } } }, async (req) =>
    getSession(app.repo, req.viewer, req.params.id));

  api.post('/sessions', {
    schema: {
      tags,
      description: 'Creates a session like a sync push would: status "submitted" asks to publish; a refused publish is stored as a draft with `rejection`.',
      body: sessionSchema,
      response: { 201: sessionSchema, ...errors },
    },
  }, async (req, reply) => {
    const { session, written } = await createSession(app.repo, app.notifier, req.viewer, req.body);
    app.pushes.afterWrites('sessions', written);
    return reply.code(201).send(session);
  });
};
