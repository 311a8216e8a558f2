import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, mediaParamsSchema, mediaQuerySchema, mediaUploadAnswerSchema, mediaUploadHeadersSchema } from '@spotter/shared';
import { access, upload, type MediaOptions } from './media.service.ts';
import { parseRange } from './range.ts';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema, 415: errorSchema };

/**
 * A coach's own photos, videos and files (docs/DESIGN.md "Media storage"): upload by content
 * hash, read with ranges. Authenticated by the parent scope; the rules are in media.service.ts.
 */
export const mediaRoutes: FastifyPluginAsync<{ media: MediaOptions }> = async (app, { media }) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['media'];
  // The body is the file itself, whatever its declared type (the bytes decide): read as a
  // stream by the route, never buffered whole, never parsed as JSON. Only in this scope.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, _payload, done) => done(null));

  api.put('/media/:id', {
    schema: {
      tags,
      description: 'Uploads a file (the raw bytes as the body, at most the size limit) whose SHA-256 is `id`. Its kind is read from the bytes: JPEG, PNG, WebP, MP4, WebM or PDF. Coaches only. Answers the reference to put on a document.',
      params: mediaParamsSchema,
      headers: mediaUploadHeadersSchema,
      response: { 201: mediaUploadAnswerSchema, ...errors },
    },
  }, async (req, reply) => {
    const { 'content-length': declared } = mediaUploadHeadersSchema.parse(req.headers);
    const ref = await upload(app.repo, media, req.viewer, req.params.id, req.raw, declared);
    return reply.code(201).send(ref);
  });

  api.get('/media/:id', {
    schema: {
      tags,
      description: 'A file, whole or one byte range (video players ask for ranges). A coach reads their own uploads; anyone else names the document they see it through (`via`).',
      params: mediaParamsSchema,
      querystring: mediaQuerySchema,
      // No response schema: the answer is the file's bytes (errors are the usual { error, message, code }).
    },
  }, async (req, reply) => {
    const row = await access(app.repo, req.viewer, req.params.id, req.query.via);
    const size = row.size;
    const range = parseRange(req.headers.range, size);
    reply
      .header('content-type', row.type)
      .header('accept-ranges', 'bytes')
      .header('etag', `"${row.id}"`)
      // The bytes under an id never change; private: only this person may have them.
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('content-disposition', 'inline');
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${size}`).send();
    const file = await media.storage.get(row.id, range ?? undefined);
    if (!file) return reply.code(404).send({ error: 'not_found', message: 'This file is missing from the server’s storage.' });
    if (range) {
      reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${file.size}`).header('content-length', range.end - range.start + 1);
    } else {
      reply.header('content-length', file.size);
    }
    return reply.send(file.body);
  });
};
