import { canSee, collectionNames, type Relations, type Viewer } from '@spotter/shared';
import type { RefusedChange } from '@spotter/web/lib/data/database.ts';
import type { ServerState } from './server-db.ts';
import { canonical, withoutWireFields, type Doc, type View } from './server-view.ts';

/**
 * The invariants about what a device keeps, beyond "device = server view":
 *  - every document on a device is one its user may see now (canSee over the server's
 *    assignments): a document that stopped being visible — a reassigned client's sessions,
 *    notes, plans on the former coach's devices — is gone after the next sync (docs/DESIGN.md "Tombstones");
 *  - every write the server refused, with its answer delivered to the device, is in the
 *    device's refused-changes store with the reason and the version the user attempted
 *    (rule 3: "keeps the user's input"), unless the server's answer already holds everything
 *    the user typed (a refused submit stays a draft with the same content). A wipe of the
 *    device's IndexedDB takes its refused store with it, so only refusals after the device's
 *    last wipe count.
 */
export interface Refusal {
  n: number;
  collection: string;
  attempted: Doc;
  server: Doc;
  reason: string;
}

export interface DeviceState {
  name: string;
  viewer: Viewer;
  snapshot: View;
  refused: RefusedChange[];
}

export interface Reassignment {
  n: number;
  clientId: string;
  from: string | null;
  to: string;
}

// Set by the server when it answers a submit, not typed by the user (web/src/lib/data/refused.ts).
const ANSWER_FIELDS = new Set(['status', 'rejection', 'submittedAt', 'updatedAt']);
// A refused new document comes back as a tombstone of itself: same fields, but deleted — the
// refused store is then the only place it lives, so `_deleted` counts.
const typed = (doc: Doc) => canonical({ ...Object.fromEntries(Object.entries(withoutWireFields(doc)).filter(([k]) => !ANSWER_FIELDS.has(k))), _deleted: !!doc._deleted });
const sameDoc = (a: Doc, b: Doc) => canonical(withoutWireFields(a)) === canonical(withoutWireFields(b)) && !!a._deleted === !!b._deleted;

export function checkDeviceVisibility(
  d: DeviceState,
  rel: Relations,
  reassignments: readonly Reassignment[],
  fail: (msg: string) => void,
): number {
  let checked = 0;
  for (const name of collectionNames) {
    for (const doc of d.snapshot[name]) {
      checked++;
      if (canSee(d.viewer, name, doc as any, rel)) continue;
      const moved = reassignments.findLast((r) => r.clientId === doc.clientId && r.from === d.viewer.id);
      fail(
        moved
          ? `still visible: ${d.name} holds ${name}/${doc.id} of client ${doc.clientId}, who was reassigned away from this coach in op #${moved.n}`
          : `leak: ${d.name} holds ${name}/${doc.id} that canSee refuses its user`,
      );
    }
  }
  return checked;
}

/** Documents of clients reassigned away from this device's coach that the device correctly no longer holds. */
export function droppedAfterReassignment(d: DeviceState, rel: Relations, state: ServerState, reassignments: readonly Reassignment[]): number {
  const former = new Set(reassignments.filter((r) => r.from === d.viewer.id && !rel.clientIds.has(r.clientId)).map((r) => r.clientId));
  if (former.size === 0) return 0;
  let n = 0;
  for (const name of ['sessions', 'logs', 'messages', 'notes', 'plans', 'recommendations'] as const) {
    const held = new Set(d.snapshot[name].map((x) => String(x.id)));
    for (const doc of state[name].values()) if (!doc._deleted && former.has(doc.clientId) && !held.has(String(doc.id))) n++;
  }
  return n;
}

export function checkRefusedStore(d: Pick<DeviceState, 'name' | 'refused'>, refusals: readonly Refusal[], fail: (msg: string) => void): { expected: number; keptAsTyped: number } {
  const out = { expected: 0, keptAsTyped: 0 };
  for (const r of refusals) {
    if (typed(r.attempted) === typed(r.server)) {
      out.keptAsTyped++;
      continue;
    }
    out.expected++;
    const found = d.refused.some((e) => e.collectionName === r.collection && e.docId === String(r.attempted.id) && e.reason === r.reason && sameDoc(e.attempted as Doc, r.attempted));
    if (!found) {
      const same = d.refused.filter((e) => e.docId === String(r.attempted.id));
      fail(
        `refused-lost: ${d.name}: the server refused ${r.collection}/${r.attempted.id} (op #${r.n}, "${r.reason}") but the refused-changes store ` +
          (same.length ? `holds other versions: ${same.map((e) => `"${e.reason}" ${canonical(e.attempted).slice(0, 300)}`).join('; ')}` : 'has no entry for it') +
          `\n    attempted ${canonical(r.attempted).slice(0, 400)}`,
      );
    }
  }
  return out;
}
