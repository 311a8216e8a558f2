/** Deep equality of JSON documents, independent of key order (RxDB may reorder keys). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => jsonEqual(ao[k], bo[k]));
}

/** A document as the server sees it: RxDB's bookkeeping fields removed. */
export function withoutMeta<T extends Record<string, unknown>>(doc: T): T {
  const { _meta, _rev, _attachments, ...rest } = doc as Record<string, unknown>;
  return rest as T;
}
