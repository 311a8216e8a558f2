import { mergeDocuments } from '@spotter/shared';
import type { RxConflictHandler } from 'rxdb';
import type { Echoes } from './echoes.ts';
import { jsonEqual } from './equal.ts';

type Doc = Record<string, unknown>;

/**
 * docs/DESIGN.md "Conflicts": conflicts are between one user's own devices; merge field by field
 * against the assumed master state. `serverWins` holds the server's answers that refused a
 * write of this device (`_refusal`, recorded by the push handler, echoes.ts): when RxDB
 * resolves that very answer, the server's state is the truth, and the user's version has
 * already been set aside in the refused-changes store.
 */
export function conflictHandler(serverWins: Echoes, afterMerge: (merged: Doc) => Doc = (d) => d): RxConflictHandler<any> {
  return {
    isEqual: (a, b) => jsonEqual(a, b),
    resolve({ assumedMasterState, realMasterState, newDocumentState }) {
      const id = String((realMasterState as Doc).id);
      if (serverWins.take(id, realMasterState as Doc)) return realMasterState;
      if (realMasterState._deleted || newDocumentState._deleted) {
        // A delete against an edit: no field to merge; the later edit wins.
        const localLater = String((newDocumentState as Doc).updatedAt ?? '') > String((realMasterState as Doc).updatedAt ?? '');
        if (!localLater) return realMasterState;
        if (newDocumentState._deleted) return newDocumentState;
        // The local edit brings the document back. The other device may have edited fields
        // before deleting it (found by the sync simulation): merge them, or its edit is lost.
        const merged = afterMerge(mergeDocuments(assumedMasterState as Doc | undefined, realMasterState as Doc, newDocumentState as Doc));
        return { ...merged, _deleted: false } as typeof realMasterState;
      }
      return afterMerge(mergeDocuments(assumedMasterState as Doc | undefined, realMasterState as Doc, newDocumentState as Doc)) as typeof realMasterState;
    },
  };
}
