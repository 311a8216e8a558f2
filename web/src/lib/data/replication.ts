import { expandPushAnswer, type Checkpoint, type CollectionName, type PullResponse, type PushAnswer } from '@spotter/shared';
import { pullAnswerSchema, pushAnswerSchema } from '@spotter/shared/answers.ts';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject, tap } from 'rxjs';
import type { Api } from './api.ts';
import type { SpotterDatabase } from './database.ts';
import type { Echoes } from './echoes.ts';
import { jsonEqual } from './equal.ts';
import { HeldBack } from './held-back.ts';
import type { PendingTracker } from './pending.ts';
import type { RecentFirst } from './recent-first.ts';
import { keepRefused } from './refused.ts';
import { post } from './rest.ts';

type Doc = Record<string, any>;

export interface ReplicationDeps {
  db: SpotterDatabase;
  api: Api;
  pending: PendingTracker;
  /** The server's refusing answers per collection, until the conflict handler adopts them (conflicts.ts). */
  serverWins: Record<CollectionName, Echoes>;
  retryTime: number;
  onSynced(): void;
  /** The first sync's recent weeks (recent-first.ts). */
  recent: RecentFirst;
  pullBatchSize: number;
}

export interface ReplicationOptions {
  /**
   * This user's role may write the collection (shared `collections[name].writers`). Without it
   * the replication is pull-only: RxDB then keeps no "assumed master state" document per pulled
   * document (it needs those only to push), which for a coach's logs is ~5,700 fewer IndexedDB
   * writes (and as many reads) in a first sync (bench/README.md).
   */
  push: boolean;
  /** The server sends this collection's first pull recent weeks first (sync-server/src/sync/pull.ts `recentFirst`). */
  recentFirst?: boolean;
  /**
   * Collections this one's documents name (a session's exercises): a push first waits, up to
   * PUSH_AFTER_MAX_MS, until none of their changes waits for the server. Each collection
   * replicates on its own, and a session pushed before the new exercise it names is refused
   * (push-order.test.ts). The bound keeps a failing push of those from holding this one back for good.
   */
  pushAfter?: readonly CollectionName[];
}

export const PUSH_AFTER_MAX_MS = 5000;

/**
 * One RxDB replication of a collection against /api/sync/:collection. The stream Subject is
 * fed by the device's single SSE connection.
 */
export function replicateCollection(
  name: CollectionName,
  deps: ReplicationDeps,
  stream$: Subject<RxReplicationPullStreamItem<Doc, Checkpoint>>,
  opts: ReplicationOptions = { push: true },
): RxReplicationState<Doc, Checkpoint> {
  const { db, api, pending, serverWins, recent } = deps;
  // Pulled states RxDB may drop over an unanswered local change: handed back after a push (held-back.ts).
  const heldBack = new HeldBack();
  const handedBack = new WeakSet<object>();
  const streamed$ = stream$.asObservable().pipe(tap((item) => item !== 'RESYNC' && !handedBack.has(item) && heldBack.streamed(item.documents, item.checkpoint)));
  return replicateRxCollection<Doc, Checkpoint>({
    replicationIdentifier: `spotter-${name}`,
    collection: db[name] as any,
    live: true,
    retryTime: deps.retryTime,
    // One tab replicates (sync-owner.ts): this one was made because it is that tab.
    waitForLeadership: false,
    autoStart: true,
    pull: {
      // The server's largest page (device.ts): a first sync of a large account is ~17,000
      // documents, and every page is a round trip plus a re-run of every open live query
      // (bench/README.md: 200 → 1000 took a first sync from 95 s to 41 s on a loaded machine).
      batchSize: deps.pullBatchSize,
      stream$: streamed$,
      async handler(checkpoint, batchSize) {
        if (opts.recentFirst) await recent.beforePage(db[name] as any, name, checkpoint);
        // Parsed (rest.ts): a malformed page is a failed pull, retried, and never written.
        const res = (await post(api, `/api/sync/${name}/pull`, { checkpoint: checkpoint ?? null, batchSize }, pullAnswerSchema)) as PullResponse<Doc>;
        if (opts.recentFirst) recent.afterPage(name, checkpoint, res);
        const documents = (opts.push ? heldBack.withReady(res.documents) : res.documents) as typeof res.documents;
        if (opts.push) await heldBack.pulled(db[name] as any, documents, res.checkpoint ?? checkpoint ?? null);
        deps.onSynced();
        return { documents, checkpoint: res.checkpoint ?? checkpoint };
      },
    },
    push: !opts.push ? undefined : {
      batchSize: 100,
      async handler(rows) {
        if (opts.pushAfter?.length) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([
            Promise.all(opts.pushAfter.map((c) => pending.settled(c))),
            new Promise((resolve) => (timer = setTimeout(resolve, PUSH_AFTER_MAX_MS))),
          ]);
          clearTimeout(timer);
        }
        // A row whose new state equals what the server already has needs no request. This is
        // also what ends the loop after a refusal: the device adopts the server's state, RxDB
        // pushes that resolved state once more, and it is acknowledged here.
        const send = rows.map(wireRow).filter((r) => !(r.assumedMasterState && jsonEqual(r.assumedMasterState, r.newDocumentState)));
        // The compact answer: an accepted submit comes back as the fields the server set, applied
        // here to what was sent; RxDB and the pending tracker see the server's full state.
        heldBack.sent(send.map((r) => r.newDocumentState));
        const pushed = send.length ? ((await post(api, `/api/sync/${name}/push?answer=patch`, send, pushAnswerSchema)) as PushAnswer<Doc>) : [];
        const answer = send.length ? expandPushAnswer<Doc>(send, pushed) : [];
        const conflicts: Doc[] = [];
        for (const doc of answer) {
          const { _refusal, _refusalCode, ...server } = doc; // the sentence (shared refusals.ts) is what the person is shown
          if (typeof _refusal === 'string') {
            const attempted = rows.find((r) => r.newDocumentState.id === server.id)?.newDocumentState;
            serverWins[name].expect(String(server.id), server);
            if (attempted) await keepRefused(db, name, attempted, server, _refusal);
          }
          heldBack.answer(server);
          conflicts.push(server);
        }
        await pending.acknowledge(name, rows, conflicts);
        deps.onSynced();
        const again = heldBack.answered();
        if (again) {
          handedBack.add(again);
          stream$.next(again as any);
        }
        return conflicts as any;
      },
    },
  });
}

/**
 * A push row as the server reads it: the document's fields and `_deleted`, none of RxDB's own
 * bookkeeping. A schema migration stores the assumed master state with `_attachments: {}`,
 * which the server's strict schema refuses (a 400 for the whole push, retried forever): found
 * by updating a device that held an unsynced edit of a synced log (log-sets-upgrade.test.ts).
 */
function wireRow<R extends { assumedMasterState?: any; newDocumentState: any }>(row: R): R {
  const strip = (doc: Doc | undefined) => doc && (Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_') || k === '_deleted')) as Doc);
  return { ...row, assumedMasterState: strip(row.assumedMasterState), newDocumentState: strip(row.newDocumentState) };
}
