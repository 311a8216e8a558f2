import type { FastifyPluginAsync } from 'fastify';
import { collectionNames, type CollectionName, type Viewer } from '@spotter/shared';
import { perClient, type ViewerRelations } from '../access/relations.ts';
import { loadRelations } from '../access-io/relations.ts';
import type { ChangeEvent } from './notifier.ts';
import { pull } from './pull.ts';

const HEARTBEAT_MS = 15_000;
const BATCH = 500;
const FAMILY_CHECK_MS = 5_000;

export interface StreamOptions {
  /** Open streams per user; opening one more closes that user's oldest. Default 20. */
  maxStreamsPerUser?: number;
}

/**
 * GET /api/sync/stream?token=<accessToken>: one Server-Sent Events stream for all
 * collections (browsers allow ~6 connections per origin). EventSource cannot send headers,
 * hence the token in the query. Each connection keeps a checkpoint per collection, starting
 * at the current seq; it first sends "RESYNC" so the device pulls what it missed, then after
 * changes pulls from its checkpoints with the user's own visibility rules. The stream ends
 * when the access token expires or its family ends (sign-out): the device reconnects with a
 * fresh token, or cannot.
 *
 * A change only marks the stream dirty; the pulls run on the next turn of the event loop
 * (setImmediate), so a push answers before any stream pulls, and every push of one turn
 * costs each stream one pull per collection, not one per push (SECURITY.md "Availability").
 * Streams of one user at the same checkpoint (a coach's tabs and devices) share that pull and
 * its serialised event: between two changes the same query has the same answer.
 *
 * A stream whose token family ends (sign-out, a reused refresh token) closes when that is
 * announced (ChangeEvent.endedFamilies). A check of the family in the database on every flush
 * was the push's largest cost with 500 streams open (bench/README.md), so each stream also
 * re-checks it at most every FAMILY_CHECK_MS, at a flush or a heartbeat: an announcement that
 * never arrived (another instance's, lost) still ends the stream.
 */
export const streamRoute: FastifyPluginAsync<StreamOptions> = async (app, opts) => {
  const maxPerUser = opts.maxStreamsPerUser ?? 20;
  const open = new Set<() => void>();
  /** Each user's open streams, oldest first. */
  const byUser = new Map<string, (() => void)[]>();
  /** Pages pulled since the last change, by user, collection and checkpoint, as sent. */
  let shared = new Map<string, Promise<{ event: string; seq: number; full: boolean } | null>>();
  app.notifier.subscribe(({ collections }) => {
    if (collections.length && shared.size) shared = new Map();
  });
  // Open streams would keep app.close() waiting forever: end them first.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get('/sync/stream', { schema: { tags: ['sync'], hide: false } }, async (req, reply) => {
    const token = (req.query as { token?: string }).token ?? '';
    // A valid signature is not enough: a signed-out device's token is refused (auth/plugin.ts).
    const payload = await app.verifyAccess(token, req);
    if (!payload) return reply.code(401).send({ error: 'unauthorized', message: 'The stream needs a valid access token (?token=).' });
    const viewer: Viewer = { id: payload.sub, role: payload.role };
    let rel: ViewerRelations = await loadRelations(app.repo, viewer);
    // The last await before the subscription below: a change committed after this read wakes the stream.
    const start = await app.repo.maxSeq();
    const checkpoints = new Map<CollectionName, number>(collectionNames.map((c) => [c, start]));

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

    // Relations change only with assignments (whose changes are always announced): reloaded then.
    const concerns = (clientIds: Iterable<string>) => {
      for (const id of clientIds) if (viewer.role === 'client' ? id === viewer.id : viewer.role === 'coach' && rel.everClientIds.has(id)) return true;
      return false;
    };
    /** Collections changed since the last flush, with their clients (null: unknown, re-check). */
    let dirty = new Map<CollectionName, Set<string> | null>();
    let scheduled = false;

    // Shared as a promise: streams flushing at once wait for one query instead of each running it.
    const sharedPull = (collection: CollectionName, seq: number) => {
      const key = `${viewer.role}:${viewer.id}:${collection}:${seq}`;
      const known = shared.get(key);
      if (known) return known;
      const out = pull(app.repo, viewer, collection, { seq }, BATCH, rel).then((page) =>
        !page.documents.length || !page.checkpoint
          ? null
          : { event: `data: ${JSON.stringify({ collection, documents: page.documents, checkpoint: page.checkpoint })}\n\n`, seq: page.checkpoint.seq, full: page.documents.length === BATCH },
      );
      shared.set(key, out);
      return out;
    };
    /** verifyAccess has just checked the family. */
    let familyCheckedAt = Date.now();
    const familyStillActive = async () => {
      if (Date.now() - familyCheckedAt < FAMILY_CHECK_MS) return true;
      familyCheckedAt = Date.now();
      return app.repo.isTokenFamilyActive(payload.sid);
    };
    /** Set while a flush runs: a change meanwhile flushes again once it is done. */
    let flushing = false;
    const flush = async () => {
      scheduled = false;
      // The running flush goes again once it is done (finally): one flush at a time keeps
      // each collection's checkpoint moving forward in order.
      if (flushing) return;
      flushing = true;
      const batch = dirty;
      dirty = new Map();
      try {
        if (!(await familyStillActive())) return end();
        if (batch.has('assignments')) rel = await loadRelations(app.repo, viewer);
        for (const [collection, clientIds] of batch) {
          // Another user's client: nothing this stream could send (candidateScope), skip the query.
          if (clientIds && perClient.includes(collection) && !concerns(clientIds)) continue;
          for (;;) {
            const page = await sharedPull(collection, checkpoints.get(collection) ?? 0);
            if (!page || !open.has(end)) break;
            checkpoints.set(collection, page.seq);
            res.write(page.event);
            if (!page.full) break;
          }
        }
      } catch (err) {
        req.log.error(err);
        end();
      } finally {
        flushing = false;
        if (dirty.size && !scheduled && open.has(end)) {
          scheduled = true;
          setImmediate(flush);
        }
      }
    };
    const unsubscribe = app.notifier.subscribe(({ collections, clientIds, endedFamilies }: ChangeEvent) => {
      if (endedFamilies?.includes(payload.sid)) return end();
      for (const collection of collections) {
        const known = dirty.get(collection);
        if (dirty.has(collection) && known === null) continue;
        if (!clientIds) dirty.set(collection, null);
        else dirty.set(collection, new Set([...(known ?? []), ...clientIds]));
      }
      if (!scheduled && dirty.size) {
        scheduled = true;
        setImmediate(flush);
      }
    });
    const heartbeat = setInterval(() => {
      res.write(': heartbeat\n\n');
      familyStillActive().then((active) => active || end(), () => undefined);
    }, HEARTBEAT_MS);
    const expiry = payload.exp ? setTimeout(() => end(), Math.max(0, payload.exp * 1000 - Date.now())) : undefined;
    function end() {
      if (!open.delete(end)) return;
      const mine = byUser.get(viewer.id) ?? [];
      mine.splice(mine.indexOf(end), 1);
      if (!mine.length) byUser.delete(viewer.id);
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(expiry);
      res.end();
    }
    open.add(end);
    const mine = byUser.get(viewer.id) ?? [];
    byUser.set(viewer.id, mine);
    mine.push(end);
    // A cap per user: streams are cheap to open and each one pulls on every change. The
    // oldest goes first (most likely a tab or device long gone; a live one reconnects).
    while (mine.length > maxPerUser) mine[0]!();
    res.on('close', end);
  });
};
