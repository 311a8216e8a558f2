import type { CollectionName } from '@spotter/shared';
import type { RefusedChange, SpotterDatabase } from './database.ts';
import { jsonEqual } from './equal.ts';

type Doc = Record<string, any>;

// Fields the server sets itself when answering a submit: they are not something the user
// typed, so a difference in them alone is not worth keeping aside.
const ANSWER_FIELDS = ['status', 'rejection', 'submittedAt', 'updatedAt'];

function typedContent(doc: Doc): Doc {
  const out: Doc = { ...doc };
  for (const key of ANSWER_FIELDS) delete out[key];
  return out;
}

/**
 * The server refused a write and its state wins on this device; keep the user's attempted
 * version with the reason unless the server kept everything the user typed anyway (a refused
 * session submit stays a draft with the same content and a `rejection` the builder shows).
 */
export async function keepRefused(db: SpotterDatabase, collection: CollectionName, attempted: Doc, server: Doc, reason: string): Promise<void> {
  if (jsonEqual(typedContent(attempted), typedContent(server))) return;
  const at = new Date().toISOString();
  const entry: RefusedChange = {
    id: `${collection}:${attempted.id}:${at}`,
    collectionName: collection,
    docId: String(attempted.id),
    reason,
    attempted,
    at,
  };
  await db.refused.upsert(entry);
}
