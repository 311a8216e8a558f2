/**
 * Field-by-field conflict resolution (docs/DESIGN.md "Conflicts"). Conflicts only happen
 * between one user's own devices, because coach and client never write the same document.
 *
 * The per-field rule: for each field, the last edit OF THAT FIELD wins, whatever else changed
 * later. Every edit stamps the fields it changed in the document's `fieldClocks` (a hybrid
 * logical clock, hlc.ts); nested records (a log's entries) are stamped and merged key by key,
 * down to their fields. Lists (a session's prescriptions, a plan's days) are one value.
 *
 * Where both sides carry a stamp for a field, the later stamp wins. Where one does not (a
 * document written before per-field clocks, or by the server, or a field a new document left
 * empty), the older three-way rule decides: whichever side changed it from the assumed master
 * state wins; when both did, the later edit wins by the stamps or `updatedAt`, ties going to
 * the server. Without an assumed state, a local empty (null) field is no edit and keeps the
 * server's value.
 */
type Doc = Record<string, unknown>;
export type FieldClocks = Record<string, string>;

/** Bookkeeping fields: not merged as values. */
const meta = new Set(['fieldClocks', 'updatedAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);
const clocksOf = (doc: Doc): FieldClocks | null => (isRecord(doc.fieldClocks) ? (doc.fieldClocks as FieldClocks) : null);

/**
 * The stamp of the last edit of the value at `path`: its own, or its nearest stamped parent's;
 * '' when the document has clocks but none covers the path; `updatedAt` for a document written
 * before clocks. `explicit`: a stamp really covers it.
 */
function clockAt(doc: Doc, path: readonly string[]): { stamp: string; explicit: boolean } {
  const clocks = clocksOf(doc);
  if (!clocks) return { stamp: String(doc.updatedAt ?? ''), explicit: false };
  for (let i = path.length; i > 0; i--) {
    const stamp = clocks[path.slice(0, i).join('/')];
    if (stamp) return { stamp, explicit: true };
  }
  return { stamp: '', explicit: false };
}

const isEmpty = (v: unknown) => v === null || v === '';
/** The stamp of an edit of exactly this path (not one inherited from a parent). */
const ownStamp = (doc: Doc, path: readonly string[]): string | undefined => clocksOf(doc)?.[path.join('/')];

interface Sides {
  real: Doc;
  local: Doc;
}

function mergeValue(assumed: unknown, real: unknown, local: unknown, path: string[], sides: Sides): unknown {
  if (same(local, real)) return local;
  // No assumed state: this device wrote the document (or this entry) without having received
  // it (a log of a session whose log had not synced yet, e.g. during a first sync), or both
  // devices started it. Empty fields are what a new document starts with, not edits: they
  // never erase a value typed on the other side — unless this very field was cleared later.
  if (assumed === undefined && local !== undefined && real !== undefined && isEmpty(local) !== isEmpty(real)) {
    const [empty, full, emptyValue, fullValue] = isEmpty(local) ? [sides.local, sides.real, local, real] : [sides.real, sides.local, real, local];
    const cleared = ownStamp(empty, path);
    if (!cleared || cleared < clockAt(full, path).stamp) return fullValue;
    return emptyValue;
  }
  const bothRecords = isRecord(assumed ?? {}) && isRecord(real) && isRecord(local);
  if (!bothRecords && local !== undefined && real !== undefined) {
    const r = clockAt(sides.real, path);
    const l = clockAt(sides.local, path);
    // Both stamped: the last edit of this very field wins (a tie is the server's).
    if (r.explicit && l.explicit) return l.stamp > r.stamp ? local : real;
  }
  if (same(local, assumed)) return real;
  if (same(real, assumed)) return local;
  if (bothRecords) return mergeRecords((assumed ?? {}) as Doc, real as Doc, local as Doc, path, sides);
  // Removed on one side, edited on the other (a log's set): the edit is the edit of a field
  // inside it, so each side's last edit anywhere under the path is what is compared.
  return latestUnder(sides.local, path) > latestUnder(sides.real, path) ? local : real;
}

/** The latest stamp of the value at `path` or of anything inside it. */
function latestUnder(doc: Doc, path: readonly string[]): string {
  let latest = clockAt(doc, path).stamp;
  const prefix = `${path.join('/')}/`;
  for (const [key, stamp] of Object.entries(clocksOf(doc) ?? {})) if (key.startsWith(prefix) && stamp > latest) latest = stamp;
  return latest;
}

function mergeRecords(base: Doc, real: Doc, local: Doc, path: string[], sides: Sides): Doc {
  const out: Doc = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(real), ...Object.keys(local)])) {
    if (path.length === 0 && meta.has(key)) continue;
    const v = mergeValue(base[key], real[key], local[key], [...path, key], sides);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Both sides' stamps, the later one per field (each value kept came with its side's stamp). */
export function mergeClocks(a: FieldClocks | null, b: FieldClocks | null): FieldClocks | null {
  if (!a && !b) return null;
  const out: FieldClocks = { ...a };
  for (const [key, stamp] of Object.entries(b ?? {})) if (!out[key] || stamp > out[key]) out[key] = stamp;
  return out;
}

export function mergeDocuments<T extends Doc>(assumed: T | undefined, real: T, local: T): T {
  const sides = { real, local };
  const out = mergeRecords((assumed ?? {}) as Doc, real, local, [], sides);
  // A submit is a request to the server, not a field value: once the server has answered
  // this very submit (it stored the same submittedAt), its status and reason are the answer.
  if (local.status === 'submitted') {
    const answered = real.submittedAt === local.submittedAt && real.status !== 'submitted';
    out.status = answered ? real.status : 'submitted';
    out.rejection = answered ? real.rejection : null;
  }
  const clocks = mergeClocks(clocksOf(real), clocksOf(local));
  if (clocks) out.fieldClocks = clocks;
  const newest = [real.updatedAt, local.updatedAt].map(String).sort().at(-1);
  if (newest) out.updatedAt = newest;
  return out as T;
}

/** The paths whose value differs between two versions: records down to their keys, anything else whole. */
export function changedPaths(before: unknown, after: unknown, path: string[] = []): string[] {
  if (same(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const out: string[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      // Bookkeeping (and RxDB's own _meta, _rev, _deleted) is no edit; id and createdAt never change.
      if (path.length === 0 && (meta.has(key) || key === 'id' || key === 'createdAt' || key.startsWith('_'))) continue;
      out.push(...changedPaths(before[key], after[key], [...path, key]));
    }
    return out;
  }
  if (before === undefined && after === null) return [];
  // A new field holding a record (a new log's entries): each key is stamped on its own, so
  // that the entries of another device stay (mergeValue keeps what only one side has).
  if (before === undefined && isRecord(after) && path.length <= 1) return changedPaths({}, after, path);
  return [path.join('/')];
}

/**
 * The stamp of every field of a derived document: one whose id a rule gives on every device of
 * its owner (the engine's recommendation of the week, a coach's copy of a catalogue entry), so
 * that a device which had not yet received it derives it again. Derived, not typed: it is
 * earlier than every edit, so the copy the other side holds (edited, approved, dismissed on
 * another device) wins field by field, and the derived one only fills what nobody wrote
 * (docs/DESIGN.md "Derived documents"). A bare ISO instant: it passes hlcPattern.
 */
export const DERIVED_STAMP = '1970-01-01T00:00:00.000Z';

/** A derived document as a device first writes it: every field stamped DERIVED_STAMP. */
export const stampDerived = <T extends Doc>(doc: T): T & { fieldClocks?: FieldClocks } => stampEdit(null, doc, () => DERIVED_STAMP);

/**
 * The document as a device writes it: every field this edit changed (from `before`, the
 * stored version; null for a new document) stamped with one new stamp, later than every stamp
 * the document already carries (an edit is made after seeing them).
 */
export function stampEdit<T extends Doc>(before: Doc | null, after: T, stamp: (after: string | null) => string): T & { fieldClocks?: FieldClocks } {
  const paths = changedPaths(before ?? {}, after);
  const previous = (before && clocksOf(before)) ?? clocksOf(after);
  if (paths.length === 0) return previous ? { ...after, fieldClocks: previous } : after;
  const seen = Object.values(previous ?? {}).sort().at(-1) ?? null;
  const now = stamp(seen);
  const clocks: FieldClocks = { ...previous };
  for (const path of paths) {
    // A parent's stamp is replaced by its children's when they are stamped apart.
    for (const key of Object.keys(clocks)) if (key.startsWith(`${path}/`)) delete clocks[key];
    clocks[path] = now;
  }
  return { ...after, fieldClocks: clocks };
}
