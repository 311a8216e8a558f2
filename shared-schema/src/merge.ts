/**
 * Field-by-field conflict resolution (DESIGN.md sync rule 1). Conflicts only happen between
 * one user's own devices, because coach and client never write the same document. For each
 * top-level field: whichever side changed it from the assumed master state wins; when both
 * changed it, nested records (a log's entries) merge key by key, and otherwise the later
 * edit (updatedAt) wins, ties going to the server. Without an assumed state, a local empty
 * (null) field is no edit and keeps the server's value.
 */
type Doc = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeValue(assumed: unknown, real: unknown, local: unknown, localIsLater: boolean): unknown {
  if (same(local, assumed)) return real;
  // No assumed state: this device wrote the document without having received it (a log of a
  // session whose log had not synced yet, e.g. during a first sync). Its empty fields are what a
  // new document starts with, not edits: they never erase what the server has (found by the
  // sync simulation: a completion lost to an entry logged on a freshly wiped device).
  if (assumed === undefined && local === null && real !== null && real !== undefined) return real;
  if (same(real, assumed) || same(real, local)) return local;
  if (isRecord(assumed ?? {}) && isRecord(real) && isRecord(local)) {
    const base = (assumed ?? {}) as Doc;
    const out: Doc = {};
    for (const key of new Set([...Object.keys(base), ...Object.keys(real), ...Object.keys(local)])) {
      const v = mergeValue(base[key], real[key], local[key], localIsLater);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return localIsLater ? local : real;
}

export function mergeDocuments<T extends Doc>(assumed: T | undefined, real: T, local: T): T {
  const base = (assumed ?? {}) as Doc;
  const localIsLater = String(local.updatedAt ?? '') > String(real.updatedAt ?? '');
  const out: Doc = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(real), ...Object.keys(local)])) {
    const v = mergeValue(base[key], real[key], local[key], localIsLater);
    if (v !== undefined) out[key] = v;
  }
  // A submit is a request to the server, not a field value: once the server has answered
  // this very submit (it stored the same submittedAt), its status and reason are the answer.
  if (local.status === 'submitted') {
    const answered = real.submittedAt === local.submittedAt && real.status !== 'submitted';
    out.status = answered ? real.status : 'submitted';
    out.rejection = answered ? real.rejection : null;
  }
  const newest = [real.updatedAt, local.updatedAt].map(String).sort().at(-1);
  if (newest) out.updatedAt = newest;
  return out as T;
}
