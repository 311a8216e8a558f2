import { canSee, collectionNames, sessionLogId, type CollectionName, type Relations, type Viewer } from '@spotter/shared';
import type { PushRecord } from './device/tap.ts';
import type { Write } from './device/op-result.ts';
import { checkDeviceVisibility, checkRefusedStore, droppedAfterReassignment, type DeviceState, type Reassignment, type Refusal } from './oracle-devices.ts';
import { checkPlans } from './oracle-plans.ts';
import type { RefusedChange } from '@spotter/web/lib/data/database.ts';
import type { ServerState } from './server-db.ts';
import { canonical, live, withoutWireFields, type Doc, type View } from './server-view.ts';

/**
 * The simulation's oracle. It learns from every push the devices made (what the server
 * committed, what it refused, what conflicted) and every marked write the users made, and at
 * the end checks the invariants against the server's whole state (its SQLite file),
 * each user's pull and each device's data (sim/README.md lists them).
 */
export interface MarkedWrite extends Write {
  n: number;
  dev: string;
}

export interface UserView {
  viewer: Viewer;
  email: string;
  view: View;
  duplicates: string[];
}

export class Oracle {
  readonly writes: MarkedWrite[] = [];
  /** Every document state the server is known to have committed, by `collection/id`. */
  readonly committed = new Map<string, Doc[]>();
  /** Refusals answered to each device since its last wipe (its refused-changes store must hold them). */
  readonly refusals = new Map<string, Refusal[]>();
  readonly reassignments: Reassignment[] = [];
  /** Plans in the demo data (not activated through sync: no schedule to check). */
  readonly seededPlans = new Set<string>();
  /** Devices being wiped now: a refusal answered meanwhile goes with the wipe, like any unsynced change. */
  readonly wiping = new Set<string>();
  /** The operation running now, to say when a refusal was answered. */
  currentOp = -1;
  readonly stats = {
    pushes: 0, rowsAcked: 0, lostAnswers: 0, replays: 0, conflicts: 0, submitAnswers: 0, refusals: 0, invariantChecks: 0,
    refusedKept: 0, refusedAsTyped: 0, refusedBeforeWipe: 0, plansChecked: 0, planSessionsChecked: 0, deviceDocsChecked: 0, droppedAfterReassign: 0,
  };

  recordWrite(dev: string, n: number, w: Write): void {
    this.writes.push({ ...w, dev, n });
  }

  /**
   * The device's IndexedDB is about to be wiped, and its refused-changes store with it: check
   * the store now (invariant 7), then forget its refusals. The device stores a refusal right
   * after the answer arrives, so `refusedNow` is read again for a while before a failure counts.
   */
  async beforeWipe(dev: string, refusedNow: () => Promise<RefusedChange[]>): Promise<string[]> {
    const expected = this.refusals.get(dev) ?? [];
    this.refusals.delete(dev);
    if (expected.length === 0) return [];
    for (let attempt = 0; ; attempt++) {
      const failures: string[] = [];
      const r = checkRefusedStore({ name: dev, refused: await refusedNow() }, expected, (m) => failures.push(`${m} (checked before a wipe)`));
      if (failures.length === 0 || attempt === 20) {
        this.stats.refusedBeforeWipe += r.expected;
        this.stats.refusedAsTyped += r.keptAsTyped;
        return failures;
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  recordPush(dev: string, rec: PushRecord): void {
    this.stats.pushes++;
    if (rec.how === 'lost') this.stats.lostAnswers++;
    if (rec.how === 'replay') this.stats.replays++;
    const answered = new Map(rec.answer.map((d) => [String(d.id), d]));
    for (const row of rec.rows) {
      const doc = row.newDocumentState;
      const answer = answered.get(String(doc.id));
      if (!answer) {
        this.stats.rowsAcked++;
        this.#commit(rec.collection, doc);
      } else if (rec.how === 'delivered') {
        if (typeof answer._refusal === 'string') {
          this.stats.refusals++;
          if (this.wiping.has(dev)) continue;
          const { _refusal, _refusalCode, ...server } = answer;
          const list = this.refusals.get(dev) ?? [];
          list.push({ n: this.currentOp, collection: rec.collection, attempted: doc, server, reason: _refusal });
          this.refusals.set(dev, list);
        }
        else if (doc.status === 'submitted') this.stats.submitAnswers++;
        else this.stats.conflicts++;
      }
    }
    // A refused document the server never had comes back as a tombstone of the pushed state:
    // that one was not committed. Every other answer is the server's committed state.
    for (const doc of rec.answer) if (typeof doc._refusal !== 'string') this.#commit(rec.collection, doc);
  }

  #commit(collection: string, doc: Doc): void {
    const key = `${collection}/${doc.id}`;
    const list = this.committed.get(key) ?? [];
    list.push(doc);
    this.committed.set(key, list);
  }

  /**
   * Every invariant; returns the failures, each a readable sentence. `state` is everything the
   * server holds (its SQLite file), `views` each user's pull from zero, `devices` each device's
   * documents and refused-changes store.
   */
  check(state: ServerState, views: UserView[], devices: (DeviceState & { email: string })[]): string[] {
    const failures: string[] = [];
    this.stats.invariantChecks = 0; // the last comparison is the one that counts
    const fail = (msg: string) => failures.length < 50 && failures.push(msg);
    const universe = state;

    // (1) every device holds exactly what the server holds for its user
    for (const d of devices) {
      const uv = views.find((v) => v.email === d.email)!;
      for (const name of collectionNames) {
        this.stats.invariantChecks++;
        diffDocs(`${d.name} vs server (${d.email}) ${name}`, d.snapshot[name], live(uv.view[name]).map(withoutWireFields), fail);
      }
    }

    // (2) every committed write is present, or superseded by a later write of the same field
    const groups = new Map<string, MarkedWrite[]>();
    for (const w of this.writes) {
      const key = `${w.collection}/${w.id}/${w.path.join('.')}`;
      groups.set(key, [...(groups.get(key) ?? []), w]);
    }
    for (const [key, group] of groups) {
      const first = group[0]!;
      const states = this.committed.get(`${first.collection}/${first.id}`) ?? [];
      // A removal (value undefined) is committed once a state without the value follows one with it.
      const reached = (w: MarkedWrite) =>
        w.value !== undefined ? states.some((s) => getPath(s, w.path) === w.value) : states.some((s, i) => getPath(s, w.path) === undefined && states.slice(0, i).some((p) => getPath(p, w.path) !== undefined));
      const committed = group.filter(reached);
      if (committed.length === 0) continue; // never reached the server (offline, then wiped)
      this.stats.invariantChecks++;
      const final = universe[first.collection as CollectionName].get(first.id);
      const newest = committed.reduce((a, b) => (b.at > a.at ? b : a));
      if (!final) {
        fail(`lost: ${key} was committed (op #${newest.n} on ${newest.dev}) but the document is not on the server`);
        continue;
      }
      if (final._deleted) continue;
      const value = getPath(final, first.path);
      const winner = group.find((w) => w.value === value);
      if (!winner) fail(`lost: ${key} is ${JSON.stringify(value)}, written by no operation; committed op #${newest.n} (${newest.value}) is gone`);
      else if (winner.at < newest.at) fail(`lost: ${key} holds op #${winner.n} (at ${winner.at}) over the later committed op #${newest.n} (at ${newest.at})`);
    }

    // (3) nothing twice
    for (const v of views) for (const dup of v.duplicates) fail(`duplicate: the server sent ${dup} twice to ${v.email} in one quiet pull`);
    const bodies = new Map<string, string>();
    for (const m of universe.messages.values()) {
      // Only bodies the simulation wrote are unique by construction (demo data repeats itself).
      if (m._deleted || !/^m\d+[ab]?$/.test(String(m.body))) continue;
      const key = `${m.authorId}:${m.body}`;
      if (bodies.has(key)) fail(`duplicate: messages ${bodies.get(key)} and ${m.id} carry the same body ${JSON.stringify(m.body)}`);
      bodies.set(key, m.id);
    }
    const logs = new Map<string, string>();
    for (const l of universe.logs.values()) {
      if (l._deleted) continue;
      if (l.id !== sessionLogId(l.sessionId)) fail(`duplicate: log ${l.id} of session ${l.sessionId} is not under the session's log id`);
      if (logs.has(l.sessionId)) fail(`duplicate: two logs for session ${l.sessionId}`);
      logs.set(l.sessionId, l.id);
    }
    this.stats.invariantChecks += 2;

    // (4) each user sees exactly what canSee allows over the server's data
    for (const v of views) {
      const rel = relationsOf(v.viewer, universe);
      for (const name of collectionNames) {
        this.stats.invariantChecks++;
        const seen = new Set(live(v.view[name]).map((d) => String(d.id)));
        for (const doc of live(v.view[name])) if (!canSee(v.viewer, name, doc as any, rel)) fail(`leak: ${v.email} holds ${name}/${doc.id} that canSee refuses`);
        for (const doc of universe[name].values()) {
          if (!doc._deleted && canSee(v.viewer, name, doc as any, rel) && !seen.has(String(doc.id))) fail(`missing: ${v.email} may see ${name}/${doc.id} but the server does not send it`);
        }
      }
    }

    // (6) every document on every device is one its user may see now; reassigned clients' are gone
    this.stats.deviceDocsChecked = 0;
    this.stats.droppedAfterReassign = 0;
    for (const d of devices) {
      const rel = relationsOf(d.viewer, universe);
      this.stats.deviceDocsChecked += checkDeviceVisibility(d, rel, this.reassignments, fail);
      this.stats.droppedAfterReassign += droppedAfterReassignment(d, rel, universe, this.reassignments);
      this.stats.invariantChecks++;
    }

    // (7) nothing lost: every refused write is in its device's refused-changes store
    this.stats.refusedKept = 0;
    for (const d of devices) {
      const r = checkRefusedStore(d, this.refusals.get(d.name) ?? [], fail);
      this.stats.refusedKept += r.expected;
      this.stats.invariantChecks += r.expected + r.keptAsTyped;
    }

    // (8) plans: one active per client, its sessions scheduled, a withdrawn plan's future ones gone
    const plans = checkPlans(universe, this.seededPlans, fail);
    this.stats.plansChecked = plans.plans;
    this.stats.planSessionsChecked = plans.sessions;
    this.stats.invariantChecks += plans.plans + plans.sessions;
    return failures;
  }
}

export function relationsOf(viewer: Viewer, universe: ServerState): Relations {
  const current = [...universe.assignments.values()].filter((a) => !a._deleted && (a.status === 'active' || a.status === 'paused'));
  return {
    clientIds: new Set(current.filter((a) => a.coachId === viewer.id).map((a) => a.clientId)),
    coachIds: new Set(current.filter((a) => a.clientId === viewer.id).map((a) => a.coachId)),
  };
}

export function getPath(doc: unknown, path: string[]): unknown {
  let v: any = doc;
  for (const key of path) v = v?.[key];
  return v;
}

function diffDocs(label: string, device: Doc[], server: Doc[], fail: (m: string) => void): void {
  const d = new Map(device.map((x) => [String(x.id), x]));
  const s = new Map(server.map((x) => [String(x.id), x]));
  for (const [id, doc] of d) {
    const other = s.get(id);
    if (!other) fail(`diverged: ${label}: ${id} only on the device`);
    else if (canonical(doc) !== canonical(other)) fail(`diverged: ${label}: ${id} differs\n    device ${canonical(doc).slice(0, 600)}\n    server ${canonical(other).slice(0, 600)}`);
  }
  for (const id of s.keys()) if (!d.has(id)) fail(`diverged: ${label}: ${id} only on the server`);
}
