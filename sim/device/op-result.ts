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
  /** The document's updatedAt after the write: the merge's "later edit". */
  at: string;
}
export interface OpResult {
  applied: boolean;
  writes: Write[];
  note?: string;
}
