import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkpointSchema, collectionNames, errorSchema, isCollectionName, pullRequestSchema, pushQuerySchema, pushRequestSchema, type CollectionName } from '@spotter/shared';
import { notFound } from '../errors.ts';
import { securityEvent } from '../security-log.ts';
import { pull } from './pull.ts';
import { push } from './push.ts';

const params = z.object({ collection: z.string().max(40) });
const wireDocs = z.array(z.record(z.string(), z.unknown()));
// The push answer: documents or PushPatch entries (shared sync.ts), built by push() itself. A
// loose object serialises without zod re-checking every key of every answered document.
const pushAnswer = z.array(z.looseObject({}));

function collectionOf(name: string): CollectionName {
  if (!isCollectionName(name)) throw notFound(`Unknown collection "${name}". Known: ${collectionNames.join(', ')}.`);
  return name;
}

/** RxDB replication endpoints (shared-schema/src/sync.ts). Authenticated by the parent scope. */
export const syncRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/sync/:collection/pull', {
    schema: {
      tags: ['sync'],
      params,
      body: pullRequestSchema,
      response: { 200: z.object({ documents: wireDocs, checkpoint: checkpointSchema.nullable() }), 400: errorSchema, 404: errorSchema },
    },
  }, async (req) => pull(app.repo, req.viewer, collectionOf(req.params.collection), req.body.checkpoint, req.body.batchSize));

  api.post('/sync/:collection/push', {
    schema: { tags: ['sync'], params, querystring: pushQuerySchema, body: pushRequestSchema, response: { 200: pushAnswer, 400: errorSchema, 404: errorSchema } },
  }, async (req) => {
    const collection = collectionOf(req.params.collection);
    const { conflicts, changed, clientIds, denied, written } = await push(app.repo, req.viewer, collection, req.body, { answer: req.query.answer });
    // Writes outside what the viewer may change: a buggy device, or someone probing ids.
    if (denied.length) securityEvent(req.log, 'write_denied', { userId: req.viewer.id, collection, count: denied.length, rows: denied.slice(0, 5) });
    // After commit: wake every open stream (rule 5: acknowledged only once committed).
    if (changed.size) app.notifier.publish({ collections: [...changed], clientIds: [...clientIds] });
    // Committed: the people these writes concern may be told (in the background, never failing the push).
    app.pushes.afterWrites(collection, written);
    // A reminder, a person's time zone or an assignment changed: the scheduler plans again (in the background).
    app.scheduler.afterWrites(collection, written);
    return conflicts;
  });
};
