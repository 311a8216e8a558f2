import type { CollectionName } from '@spotter/shared';

/**
 * What a user operation did (user-ops.ts, coach-ops.ts): the marked writes the parent's oracle
 * follows — the field (a path into the document) and the unique value written.
 */
export interface Write {
  collection: CollectionName;
  id: string;
  path: string[];
  /** A marker, an operation's number (a set's seconds), or undefined: the set was removed (over IPC the key is simply absent). */
  value?: string | number;
  /** When the merge takes this edit to have happened (stampAt): what "later" means to the oracle. */
  at: string;
}

/**
 * The stamp of the written field in the saved document's per-field clocks — its own or its
 * nearest stamped parent's (a new entry, a removed set) — else the document's updatedAt
 * (docs/DESIGN.md "The last edit of each field wins"). Not updatedAt alone: an edit made after
 * seeing another is stamped after it even when the device's clock reads earlier (a skewed
 * clock corrected since), and the merge orders edits by those stamps.
 */
export function stampAt(saved: { updatedAt: string; fieldClocks?: Record<string, string> }, path: readonly string[]): string {
  for (let i = path.length; i > 0; i--) {
    const stamp = saved.fieldClocks?.[path.slice(0, i).join('/')];
    if (stamp) return stamp;
  }
  return saved.updatedAt;
}
export interface OpResult {
  applied: boolean;
  writes: Write[];
  note?: string;
}
