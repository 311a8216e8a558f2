import type { FastifyPluginAsync } from 'fastify';
import { collectionNames, type CollectionName, type Viewer } from '@spotter/shared';
import { perClient, type ViewerRelations } from '../access/relations.ts';
import { loadRelations } from '../access-io/relations.ts';
import { pull } from './pull.ts';

const HEARTBEAT_MS = 15_000;
const BATCH = 500;

/**
 * GET /api/sync/stream?token=<accessToken>: one Server-Sent Events stream for all
 * collections (browsers allow ~6 connections per origin). EventSource cannot send headers,
 * hence the token in the query. Each connection keeps a checkpoint per collection, starting
 * at the current seq; it first sends "RESYNC" so the device pulls what it missed, then on
 * every change pulls from its checkpoints with the user's own visibility rules. The stream
 * ends when the access token expires: the device reconnects with a fresh token.
 */
export const streamRoute: FastifyPluginAsync = async (app) => {
  const open = new Set<() => void>();
  // Open streams would keep app.close() waiting forever: end them first.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get('/sync/stream', { schema: { tags: ['sync'], hide: false } }, async (req, reply) => {
    const token = (req.query as { token?: string }).token ?? '';
    let payload: { sub: string; role: Viewer['role']; exp?: number };
    try {
      payload = app.jwt.verify(token);
    } catch {
      return reply.code(401).send({ error: 'unauthorized', message: 'The stream needs a valid access token (?token=).' });
    }
    const viewer: Viewer = { id: payload.sub, role: payload.role };
    const checkpoints = new Map<CollectionName, number>(collectionNames.map((c) => [c, app.repo.maxSeq()]));

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    send('RESYNC');

    // Relations change only with assignments (whose changes are always announced): reload then.
    let rel: ViewerRelations = loadRelations(app.repo, viewer);
    const concerns = (clientIds: readonly string[]) =>
      viewer.role === 'client' ? clientIds.includes(viewer.id) : viewer.role === 'coach' && clientIds.some((id) => rel.everClientIds.has(id));
    const unsubscribe = app.notifier.subscribe(({ collections, clientIds }) => {
      try {
        if (collections.includes('assignments')) rel = loadRelations(app.repo, viewer);
        for (const collection of collections) {
          // Another user's client: nothing this stream could send (candidateScope), skip the query.
          if (clientIds && perClient.includes(collection) && !concerns(clientIds)) continue;
          for (;;) {
            const page = pull(app.repo, viewer, collection, { seq: checkpoints.get(collection) ?? 0 }, BATCH, rel);
            if (!page.documents.length || !page.checkpoint) break;
            checkpoints.set(collection, page.checkpoint.seq);
            send({ collection, documents: page.documents, checkpoint: page.checkpoint });
            if (page.documents.length < BATCH) break;
          }
        }
      } catch (err) {
        req.log.error(err);
        res.end();
      }
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const expiry = payload.exp ? setTimeout(() => res.end(), Math.max(0, payload.exp * 1000 - Date.now())) : undefined;
    const end = () => {
      open.delete(end);
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(expiry);
      res.end();
    };
    open.add(end);
    res.on('close', end);
  });
};
