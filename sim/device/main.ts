import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { collectionNames, HybridClock } from '@spotter/shared';
import { firstValueFrom } from 'rxjs';
import { createDevice, type Device } from '@spotter/web/lib/data/device.ts';
import { internals } from '@spotter/web/lib/data/internals.ts';
import { indexedDbStorage } from '@spotter/web/lib/data/storage.ts';
import { memorySessionStore } from '@spotter/web/lib/data/session-store.ts';
import type { KillMode, UserOp } from '../schedule.ts';
import { Link } from './link.ts';
import { Tap } from './tap.ts';
import { editField, runUserOp } from './user-ops.ts';

/**
 * One simulated device in its own process (RxDB allows 13 collections per realm; a device has
 * ten). The REAL data layer on the Dexie storage over fake-indexeddb, driven by the parent
 * over IPC. The IndexedDB factory lives as long as the process, so closing and reopening the
 * device keeps its data; a wipe replaces the factory with an empty one, as a browser clearing
 * site data would (the saved session, like localStorage, survives).
 */
let link: Link;
let tap: Tap;
let factory = new IDBFactory();
const sessions = memorySessionStore();
let device: Device;
let nextHook = 0;
/** How far this device's clock is from the real time (the clockSkew fault). */
let skewMs = 0;
// One clock for the device's whole life (reopened and wiped too: it is the phone's, not the database's).
const clock = new HybridClock({ node: `sim${process.pid}`, source: { now: () => Date.now() + skewMs } });
/** SIM_TRACE=1: every local write and pull is reported too (diagnostic mode). */
const traceAll = process.env.SIM_TRACE === '1';
const hooks = new Map<number, () => void>();
/** Replication write errors (openDevice), reported with a failed run. */
const writeErrors: string[] = [];

const send = (msg: unknown) => process.send!(msg);

/** Asks the parent to SIGKILL the server; resolves once it is dead. */
function killServer(): Promise<void> {
  const id = nextHook++;
  return new Promise((resolve) => {
    hooks.set(id, resolve);
    send({ event: 'kill', id });
  });
}

async function open(): Promise<Device> {
  const port = await linkPort;
  const opened = await openDevice(port);
  if (traceAll) traceWrites(opened);
  return opened;
}

/** Every write to the device's database (local edits and pulled documents alike), for SIM_TRACE=1. */
function traceWrites(d: Device): void {
  internals(d).db().$.subscribe((e: any) => {
    if (e.isLocal) return;
    const doc = e.documentData ?? {};
    send({ event: 'trace', text: `write ${e.collectionName}/${e.documentId} ${e.operation}${doc._deleted ? ' deleted' : ''} ${summary(doc)}` });
  });
}

export function summary(d: Record<string, unknown>): string {
  const pick = ['title', 'notes', 'goals', 'body', 'status', 'completedAt', 'updatedAt', 'fieldClocks'];
  return JSON.stringify(Object.fromEntries(pick.filter((k) => k in d).map((k) => [k, d[k]])));
}

function openDevice(port: number): Promise<Device> {
  return createDevice({
    baseUrl: `http://127.0.0.1:${port}`,
    storage: indexedDbStorage({ indexedDB: factory, IDBKeyRange }),
    name: 'spotter',
    fetch: tap.fetch,
    sessions,
    clock,
    retryTime: 250, // the app waits 3 s; a simulation of thousands of faults cannot
    // Small pages (the app's are 1000): the demo data then spans many, so a first pull (a new
    // device, a wiped one) crosses its phases (recent weeks, history, onward) between pages,
    // where faults, reassignments and concurrent writes can fall.
    pullBatchSize: Number(process.env.SIM_PULL_BATCH ?? 7),
    onSyncError: (collection, error) => {
      // A pulled page RxDB failed to write (a write error, not a failed request) is kept apart:
      // its documents are gone while a later page moves the checkpoint past them.
      const e = error as { code?: string; parameters?: { writeError?: { status?: number; documentId?: string } } };
      const write = e.parameters?.writeError;
      if (write) writeErrors.push(`${collection}/${write.documentId} ${e.code} ${write.status}`);
    },
  });
}

let linkPort: Promise<number>;

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const commands: Record<string, (args: any) => Promise<unknown>> = {
  async init({ email, password, serverPort }: { email: string; password: string; serverPort: number }) {
    link = new Link(serverPort);
    linkPort = link.listen();
    tap = new Tap(globalThis.fetch, (rec) => send({ event: 'push', rec }), killServer, (what) => send({ event: 'auth', what }));
    if (traceAll) tap.onPull = (collection, docs) => send({ event: 'trace', text: `pull ${collection}: ${docs.map((d) => `${d.id}${d._deleted ? ' deleted' : ''} ${summary(d)}`).join('; ') || 'nothing'}` });
    device = await open();
    await device.signIn(email, password);
    return device.syncState$.value.user;
  },
  /** The clock is set off; online, one answer lets the device learn the correction. */
  async skew({ ms, online }: { ms: number; online: boolean }) {
    skewMs = ms;
    if (online) await commands.touch!({});
  },
  async op({ op, marker }: { op: UserOp; marker: string }) {
    return runUserOp(device, op, marker);
  },
  async editField({ id, field, marker }: { id: string; field: string; marker: string }) {
    return editField(device, id, field, marker);
  },
  async setOnline({ online }: { online: boolean }) {
    link.setOnline(online);
  },
  async reopen() {
    tap.closed();
    await device.close();
    device = await open();
    device.resumeSession();
  },
  async wipe() {
    tap.closed();
    await device.close();
    factory = new IDBFactory();
    device = await open();
    device.resumeSession();
  },
  async replay({ pick }: { pick: number }) {
    return tap.replay(pick);
  },
  async delayPulls({ delaysMs }: { delaysMs: number[] }) {
    tap.pullDelays.push(...delaysMs);
  },
  async arm({ mode }: { mode: KillMode }) {
    tap.arm(mode);
  },
  async disarm() {
    tap.killMode = null;
  },
  /** Everyone online and quiet: the live stream is up (its RESYNC re-pulled) and nothing is in flight. */
  async awaitIdle({ ms }: { ms: number }) {
    await waitFor(() => device.syncState$.value.online || device.syncState$.value.needsSignIn, ms, 'the live stream');
    if (device.syncState$.value.needsSignIn) throw new Error('the device needs sign-in');
    await Promise.race([device.awaitInSync(), new Promise((_, fail) => setTimeout(() => fail(new Error(`not in sync after ${ms} ms`)), ms))]);
  },
  async sessionIds() {
    const docs = await internals(device).store.all('sessions');
    // The coach's own: a reassigned client's sessions by their former coach are visible, not editable.
    const me = device.syncState$.value.user?.id;
    return docs.filter((d) => d.status === 'published' && d.coachId === me).map((d) => d.id).sort();
  },
  async snapshot() {
    const out: Record<string, unknown[]> = {};
    for (const name of collectionNames) {
      const docs = (await internals(device).store.all(name)) as Record<string, unknown>[];
      out[name] = docs.map((d) => stripMeta(d));
    }
    return out;
  },
  /** One authenticated request through the data layer's API (a refresh when the token has expired). */
  async touch() {
    await internals(device).api.authed('/api/sync/people/pull', { checkpoint: null, batchSize: 1 }).catch(() => undefined);
  },
  /** How these documents last reached the device (Tap.received). */
  async received({ ids }: { ids: string[] }) {
    return Object.fromEntries(ids.map((id) => [id, tap.received.get(id) ?? []]));
  },
  /** The last pulls and stream events of a collection, and the stream's own last events (Tap.traffic). */
  async traffic({ collection }: { collection: string }) {
    return [...(tap.traffic.get(collection) ?? []), ...(tap.traffic.get('*') ?? []).map((l) => `(all) ${l}`)];
  },
  /** Pulled documents RxDB failed to write (openDevice). */
  async writeErrors() {
    return writeErrors.slice(-20);
  },
  /** The refused-changes store, as the app's "Refused changes" panel reads it. */
  async refused() {
    return firstValueFrom(device.queries.refusedChanges());
  },
  async status() {
    const s = device.syncState$.value;
    const refused = await firstValueFrom(device.queries.refusedChanges());
    return { pending: s.pending, online: s.online, needsSignIn: s.needsSignIn, refused };
  },
  async shutdown() {
    await device.close().catch(() => undefined);
    await link.close();
    setImmediate(() => process.exit(0));
  },
};

function stripMeta(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
}

process.on('message', async (msg: any) => {
  if (msg.hookDone !== undefined) {
    hooks.get(msg.hookDone)?.();
    hooks.delete(msg.hookDone);
    return;
  }
  try {
    const result = await commands[msg.cmd]!(msg.args ?? {});
    send({ id: msg.id, ok: true, result });
  } catch (error) {
    send({ id: msg.id, ok: false, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
});
// RxDB and the stream reader may reject in the background while the network is cut; the app
// shows that as "offline", it must not kill the device.
process.on('unhandledRejection', (e) => send({ event: 'log', text: `unhandled rejection: ${e instanceof Error ? e.message : String(e)}` }));
