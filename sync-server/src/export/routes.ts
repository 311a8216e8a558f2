import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, exportDocumentSchema, exportFileName, exportQuerySchema, todayLocal } from '@spotter/shared';
import { HttpError } from '../errors.ts';
import { exportScope } from './export.service.ts';
import { jsonExportStream, zipExportStream } from './export-streams.ts';
import { ExportSlots } from './slots.ts';

const errors = { 400: errorSchema, 401: errorSchema, 404: errorSchema, 429: errorSchema };

/** "Download my data" (docs/DESIGN.md "Export"). Authenticated by the parent scope. */
export const exportRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const slots = new ExportSlots();
  api.get('/export', {
    schema: {
      tags: ['export'],
      description: [
        'Everything the signed-in person may see, streamed: `format=json` is one JSON document (below);',
        '`format=zip` is a ZIP of CSV files (manifest.json, sessions.csv, sets.csv, messages.csv, notes.csv, plans.csv, people.csv).',
        'A coach narrows it to one of their clients with `clientId`; another coach\'s client, or any id the person may not see, is 404.',
        'At most two exports per person stream at once (429).',
      ].join(' '),
      querystring: exportQuerySchema,
      response: { 200: exportDocumentSchema, ...errors },
    },
  }, async (req, reply) => {
    const scope = await exportScope(app.repo, req.viewer, req.query.clientId);
    const release = slots.take(req.viewer.id);
    if (!release) throw new HttpError(429, 'too_many_requests', 'Your data is already being downloaded twice: wait for one download to finish, then try again.');
    // The slot is held until the answer is written or the connection drops.
    reply.raw.once('close', release);
    const { format } = req.query;
    reply
      .header('content-type', format === 'zip' ? 'application/zip' : 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${exportFileName(format, todayLocal(), 'server')}"`)
      .header('cache-control', 'no-store');
    const body = format === 'zip' ? zipExportStream(app.repo, scope) : jsonExportStream(app.repo, scope);
    // A stream goes out as it is read (Fastify never serializes one); the 200 schema is there
    // for OpenAPI's readers, so the type provider's idea of the body does not fit a stream.
    return reply.send(body as never);
  });
};
