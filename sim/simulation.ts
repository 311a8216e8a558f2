import { Admin } from './admin.ts';
import { startBackend, type Store } from './backend.ts';
import { DeviceHandle, type DeviceEvents } from './device-handle.ts';
import type { PushRecord } from './device/tap.ts';
import { PushJournal, shortState } from './push-journal.ts';
import type { OpResult } from './device/op-result.ts';
import { Oracle, type UserView } from './oracle.ts';
import { describe as describeOp, devices as deviceEmails, deviceNames, type DeviceName, type Op, type UserOp } from './schedule.ts';
import type { RefusedChange } from '@spotter/web/lib/data/database.ts';
import { pullAs, type Doc, type View } from './server-view.ts';

/**
 * Runs one schedule from scratch: a fresh server (own SQLite file, demo data; or two instances
 * on a fresh PostgreSQL database behind a round-robin proxy, backend.ts) and seven device
 * processes, the operations one after the other (replication runs in the background all the
 * while), then everyone online and quiet, then the oracle's invariants.
 */
export interface SimResult {
  failures: string[];
  userOps: { applied: number; skipped: number };
  faults: Record<string, number>;
  conflictScenarios: number;
  oracle: Oracle['stats'];
  serverKills: number;
  /** Admin reassignments: made, and refused by the server (coach full). */
  reassignments: { moved: number; refused: number };
  /** Access tokens found expired by the server, refreshes made, refresh answers lost with the server. */
  auth: Record<string, number>;
  tokenTtl: number;
  /** What the devices talked to (backend.ts). */
  backend: string;
  ms: number;
}

export interface SimOptions {
  verbose?: boolean;
  /** Print every push row and answer about documents whose id contains this (SIM_TRACE); '1': every push, pull and write. */
  trace?: string;
  log?: (line: string) => void;
  /** 'pg': two server instances on PostgreSQL behind a round-robin proxy (SIM_STORE). */
  store?: Store;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const userKinds = new Set([
  'createDraft', 'editDraft', 'addExercise', 'submitDraft', 'discardDraft', 'editPublished', 'logEntry', 'completeSession', 'comment', 'message', 'viewResource',
  'addSet', 'editSet', 'removeSet',
  'createPlan', 'editPlan', 'activatePlan', 'createNote', 'editNote', 'deleteNote', 'recommend', 'approveRecommendation', 'dismissRecommendation',
]);
const IDLE_MS = 45_000;
/**
 * The sim's server issues access tokens this short-lived (seconds), so every device refreshes
 * again and again while it works, goes offline and comes back (docs/DESIGN.md "Identity").
 */
export const TOKEN_TTL_S = Number(process.env.SIM_TOKEN_TTL ?? 2);

export async function runSchedule(ops: Op[], opts: SimOptions = {}): Promise<SimResult> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const server = await startBackend({ store: opts.store, verbose: opts.verbose, env: { ACCESS_TOKEN_TTL: String(TOKEN_TTL_S) } });
  const oracle = new Oracle();
  const journal = new PushJournal();
  const admin = new Admin(server.url);
  const result: SimResult = {
    failures: [], userOps: { applied: 0, skipped: 0 }, faults: {}, conflictScenarios: 0, oracle: oracle.stats, serverKills: 0,
    reassignments: { moved: 0, refused: 0 }, auth: {}, tokenTtl: TOKEN_TTL_S, backend: '', ms: 0,
  };
  const fault = (kind: string) => (result.faults[kind] = (result.faults[kind] ?? 0) + 1);
  let killFired = false;
  const events: DeviceEvents = {
    onPush: (dev, rec) => {
      oracle.recordPush(dev, rec);
      journal.record(dev, rec);
      if (opts.trace) traceRecord(dev, rec, opts.trace, log);
    },
    onKill: async () => {
      killFired = true;
      await server.kill();
    },
    onLog: (dev, text) => opts.verbose && log(`[${dev}] ${text}`),
    onAuth: (_dev, what) => (result.auth[what] = (result.auth[what] ?? 0) + 1),
    onTrace: (dev, text) => opts.trace && log(`[trace] ${dev} ${text}`),
  };
  const handles = new Map<DeviceName, DeviceHandle>();
  /** When each reassignment was answered (for a failed run's diagnostics). */
  const reassignedAt: string[] = [];
  const online = new Map<DeviceName, boolean>();
  try {
    await Promise.all(
      deviceNames.map(async (name) => {
        const h = new DeviceHandle(name, deviceEmails[name], events);
        handles.set(name, h);
        online.set(name, true);
        const user = await h.call<{ id: string; email: string }>('init', { email: deviceEmails[name], password: 'spotter-demo', serverPort: server.port }, 300_000);
        admin.learn(user.email, user.id);
      }),
    );
    if (opts.verbose) log(`devices signed in at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await Promise.all([...handles.values()].map((h) => h.call('awaitIdle', { ms: IDLE_MS }, IDLE_MS + 5_000)));
    if (opts.verbose) log(`first sync done at ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // Demo data has an active plan that no activation scheduled: the plan invariant is about the simulation's.
    for (const id of (await server.state()).plans.keys()) oracle.seededPlans.add(id);
    const dev = (name: DeviceName) => handles.get(name)!;

    const userOp = async (name: DeviceName, op: UserOp, n: number, marker = `m${n}`) => {
      const res = await dev(name).call<OpResult>('op', { op, marker });
      if (res.applied) result.userOps.applied++;
      else result.userOps.skipped++;
      for (const w of res.writes) oracle.recordWrite(name, n, w);
    };

    for (const op of ops) {
      if (opts.verbose || opts.trace === '1') log(`op #${op.n} ${op.kind} ${opts.trace === '1' ? describeOp(op) : ''} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
      oracle.currentOp = op.n;
      if (userKinds.has(op.kind)) {
        const u = op as UserOp & { n: number };
        await userOp(u.dev, u, op.n);
        continue;
      }
      fault(op.kind === 'killServer' ? `killServer:${op.mode}` : op.kind);
      switch (op.kind) {
        case 'offline':
        case 'online':
          online.set(op.dev, op.kind === 'online');
          await dev(op.dev).call('setOnline', { online: op.kind === 'online' });
          break;
        case 'reopen':
        case 'wipe':
          if (op.kind === 'wipe') {
            oracle.wiping.add(op.dev);
            result.failures.push(...(await oracle.beforeWipe(op.dev, () => dev(op.dev).call<RefusedChange[]>('refused'))));
          }
          await dev(op.dev).call(op.kind);
          oracle.wiping.delete(op.dev);
          break;
        case 'reassign':
          await reassign(op);
          break;
        case 'replayPush':
          await dev(op.dev).call('replay', { pick: op.n });
          break;
        case 'delayPulls':
          await dev(op.dev).call('delayPulls', { delaysMs: op.delaysMs });
          break;
        case 'settle':
          await sleep(op.ms);
          break;
        case 'killServer':
          await killServer(op);
          break;
        case 'conflict':
          await conflictScenario(op);
          break;
        case 'clockSkew':
          // Online: the device learns the correction from its next answer (awaited). A clock
          // changed while offline orders that device's offline edits by the changed clock until
          // it is back online (docs/DESIGN.md "Clocks that cannot be fooled"): not simulated, as no clock could know.
          if (online.get(op.dev) && server.running) await dev(op.dev).call('skew', { ms: op.skewMs, online: true });
          else fault('clockSkew:offline-skipped');
          break;
      }
    }

    /** For documents a device holds wrongly or lacks: how (and whether) their last state reached it. */
    async function wrongDocDiagnostics(failures: readonly string[]): Promise<string[]> {
      const held = new Map<DeviceName, string[]>();
      for (const f of failures) {
        // "still visible: coachA holds sessions/<id> …" and "diverged: coachA vs server (…) sessions: <id> …"
        const m = /^still visible: (\w+) holds (\w+)\/([^ ]+) /.exec(f) ?? /^diverged: (\w+) vs server \([^)]*\) (\w+): (\S+) /.exec(f);
        const key = m && `${m[2]}/${m[3]}`;
        if (m && key && deviceNames.includes(m[1] as DeviceName) && !held.get(m[1] as DeviceName)?.includes(key)) held.set(m[1] as DeviceName, [...(held.get(m[1] as DeviceName) ?? []), key]);
      }
      const out: string[] = held.size ? [`diagnostic: reassignments ${reassignedAt.join(', ') || 'none'}`] : [];
      for (const [name, ids] of held) {
        const got = await dev(name).call<Record<string, string[]>>('received', { ids: ids.slice(0, 5).map((x) => x.split('/')[1]!) });
        for (const [id, how] of Object.entries(got)) out.push(`diagnostic: ${name} received ${id}: ${how.join(', ') || 'never'}`);
        for (const collection of new Set(ids.map((x) => x.split('/')[0]!))) {
          for (const line of await dev(name).call<string[]>('traffic', { collection })) out.push(`diagnostic: ${name} ${collection} traffic ${line}`);
        }
      }
      return out;
    }

    async function reassign(op: Extract<Op, { kind: 'reassign' }>): Promise<void> {
      if (!server.running) await server.start();
      const out = await admin.reassign(op.n, op.pick, op.coachPick);
      if (out.moved) {
        result.reassignments.moved++;
        oracle.reassignments.push(out.moved);
        reassignedAt.push(`op #${op.n} answered ${new Date().toISOString().slice(11, 23)}`);
      } else {
        result.reassignments.refused++;
        if (out.status >= 500) result.failures.push(`admin: reassignment #${op.n} answered ${out.status}: ${out.message}`);
      }
    }

    async function killServer(op: Extract<Op, { kind: 'killServer' }>): Promise<void> {
      if (op.mode !== 'idle' && online.get(op.dev)) {
        // Arm the device's next push, then make one: a message is always possible. A refresh
        // needs the access token to have expired first.
        killFired = false;
        await dev(op.dev).call('arm', { mode: op.mode });
        if (op.mode === 'refresh') await sleep(TOKEN_TTL_S * 1000 + 50);
        // A refresh needs any authenticated request (the device may have no one to message).
        if (op.mode === 'refresh') await dev(op.dev).call('touch');
        else await userOp(op.dev, { kind: 'message', dev: op.dev, pick: op.n }, op.n);
        const deadline = Date.now() + 5_000;
        while (!killFired && Date.now() < deadline) await sleep(10);
        await dev(op.dev).call('disarm');
      }
      await server.kill();
      await sleep(op.downMs);
      // Several instances: the killed one restarts while the other serves the next operations.
      await server.resume();
    }

    /** A conflict on purpose (docs/DESIGN.md "Conflicts"): one coach's two devices edit one session offline. */
    async function conflictScenario(op: Extract<Op, { kind: 'conflict' }>): Promise<void> {
      const [a, b] = [dev('coachA'), dev('coachB')];
      if (!server.running) await server.start();
      for (const name of ['coachA', 'coachB'] as const) {
        online.set(name, true);
        await dev(name).call('setOnline', { online: true });
      }
      await Promise.all([a, b].map((h) => h.call('awaitIdle', { ms: IDLE_MS }, IDLE_MS + 5_000)));
      const ids = await a.call<string[]>('sessionIds');
      const onB = new Set(await b.call<string[]>('sessionIds'));
      // Only sessions of the coach's current clients: the devices may not have heard yet of a
      // reassignment just made, and then both edits are refused, which is another invariant.
      const state = await server.state();
      const coachId = admin.id(deviceEmails.coachA);
      const current = new Set([...state.assignments.values()].filter((x) => x.coachId === coachId && x.status === 'active' && !x._deleted).map((x) => x.clientId));
      const shared = ids.filter((id) => onB.has(id) && current.has(state.sessions.get(id)?.clientId));
      if (shared.length === 0) return;
      const id = shared[op.pick % shared.length]!;
      await Promise.all([a, b].map((h) => h.call('setOnline', { online: false })));
      const [fa, fb] = op.fields;
      const ra = await a.call<OpResult>('editField', { id, field: fa, marker: `m${op.n}a` });
      // B's edit is the later one, whatever the clock resolution and the devices' corrected clocks
      // (each within half a round trip of the server's, shared-schema/src/hlc.ts).
      await sleep(50);
      const rb = await b.call<OpResult>('editField', { id, field: fb, marker: `m${op.n}b` });
      for (const w of ra.writes) oracle.recordWrite('coachA', op.n, w);
      for (const w of rb.writes) oracle.recordWrite('coachB', op.n, w);
      await Promise.all([a, b].map((h) => h.call('setOnline', { online: true })));
      for (let round = 0; round < 2; round++) await Promise.all([a, b].map((h) => h.call('awaitIdle', { ms: IDLE_MS }, IDLE_MS + 5_000)));
      const { view } = await pullAs(server.url, deviceEmails.coachA);
      const doc = view.sessions.find((s) => s.id === id);
      const expected: Record<string, string> = fa === fb ? { [fa]: `m${op.n}b` } : { [fa]: `m${op.n}a`, [fb]: `m${op.n}b` };
      result.conflictScenarios++;
      for (const [field, value] of Object.entries(expected)) {
        if (doc?.[field] !== value) result.failures.push(`conflict #${op.n}: session ${id} edited offline on coachA (${fa}) and coachB (${fb}, later): expected ${field}=${value}, server has ${JSON.stringify(doc?.[field])}${ra.applied && rb.applied ? '' : ` (coachA: ${ra.note ?? 'edited'}, coachB: ${rb.note ?? 'edited'})`}`);
      }
    }

    // Everyone online and quiet, then the invariants. A device that connected last may still be
    // pulling what another one pushed: retry the comparison a few times before calling it a failure.
    if (!server.running) await server.start();
    for (const name of deviceNames) await dev(name).call('setOnline', { online: true });
    for (let attempt = 1; ; attempt++) {
      for (let round = 0; round < 2; round++) await Promise.all([...handles.values()].map((h) => h.call('awaitIdle', { ms: IDLE_MS }, IDLE_MS + 5_000)));
      const views = await serverViews(server.url);
      const viewerOf = (email: string) => views.find((v) => v.email === email)!.viewer;
      const deviceStates = await Promise.all(
        deviceNames.map(async (name) => ({
          name,
          email: deviceEmails[name],
          viewer: viewerOf(deviceEmails[name]),
          snapshot: await dev(name).call<View>('snapshot'),
          refused: await dev(name).call<RefusedChange[]>('refused'),
        })),
      );
      const failures = oracle.check(await server.state(), views, deviceStates);
      if (failures.length === 0 || attempt === 3) {
        result.failures.push(...failures);
        // What the devices' replications failed to write: the first clue to a document missed for good.
        if (failures.length) for (const name of deviceNames) for (const w of await dev(name).call<string[]>('writeErrors')) result.failures.push(`diagnostic: ${name} failed to write a pulled ${w}`);
        result.failures.push(...(await wrongDocDiagnostics(failures)), ...journal.lines(failures));
        break;
      }
      await sleep(1000);
    }
  } catch (error) {
    result.failures.push(`harness: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await Promise.all([...handles.values()].map((h) => h.shutdown()));
    result.serverKills = server.kills;
    result.backend = server.description;
    if (result.failures.length && opts.verbose) log(server.output);
    await server.dispose();
  }
  result.ms = Date.now() - started;
  return result;
}

async function serverViews(url: string): Promise<UserView[]> {
  const emails = [...new Set([...Object.values(deviceEmails), 'admin@demo.test'])];
  return Promise.all(
    emails.map(async (email) => {
      const { account, view, duplicates } = await pullAs(url, email);
      return { viewer: { id: account.user.id, role: account.user.role }, email, view, duplicates } satisfies UserView;
    }),
  );
}

function traceRecord(dev: string, rec: PushRecord, needle: string, log: (line: string) => void): void {
  const short = shortState;
  // '1': everything (the diagnostic mode); otherwise an id part or a marker.
  if (needle === '1') needle = '';
  for (const row of rec.rows) {
    // The id, or a marker the document carries (ids are new every run, markers are not).
    if (!String(row.newDocumentState.id).includes(needle) && !JSON.stringify(row.newDocumentState).includes(`"${needle}`)) continue;
    log(`[trace] ${dev} ${rec.how} push ${rec.collection}/${row.newDocumentState.id}\n    assumed ${short(row.assumedMasterState)}\n    new     ${short(row.newDocumentState)}`);
  }
  const traced = new Set(rec.rows.filter((r) => JSON.stringify(r.newDocumentState).includes(`"${needle}`)).map((r) => String(r.newDocumentState.id)));
  for (const doc of rec.answer) if (String(doc.id).includes(needle) || traced.has(String(doc.id))) log(`[trace]   answer ${short(doc)}`);
}

export type { Doc };
