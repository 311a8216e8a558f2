import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, importAnswerSchema, importRequestSchema } from '@spotter/shared';
import { importHistory } from './import.service.ts';

/** 10,000 sets of a history are about 2.5 MB of JSON; the default limit is for documents. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

/** The import route (docs/DESIGN.md "Import"). Register inside the authenticated `/api` scope: it relies on `req.viewer`. */
export const importRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['import'],
      summary: "Import a client's workout history (Strong, Hevy or Spotter CSV, parsed and reviewed on the device), all or nothing",
      description: 'Each workout becomes a published session of the client\'s coach and the client\'s log with every set. Ids derive from the client, the source and the workout, so sending the same history again creates nothing (`existing` counts those). A client imports for themselves, a coach for a client of theirs.',
      body: importRequestSchema,
      response: { 200: importAnswerSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema },
    },
  }, async (req) => {
    const { changed, ...answer } = await importHistory(app.repo, req.viewer, req.body);
    // After the commit: every device that may see them pulls the new documents.
    if (changed) app.notifier.publish({ collections: ['exercises', 'sessions', 'logs'] });
    return answer;
  });
};
