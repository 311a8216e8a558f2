import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  canSee, mediaAuthorOf, mediaIdsOf, mediaRefusal, refusal, sizeLimitText, sniffMediaType, type CollectionName, type MediaRef, type RefusalCode, type Viewer,
} from '@spotter/shared';
import { loadRelations } from '../access-io/relations.ts';
import { HttpError } from '../errors.ts';
import type { MediaRow } from '../storage/media-store.ts';
import type { Repository } from '../storage/repository.ts';
import { receive, ReceiveError } from './receive.ts';
import type { MediaStorage } from './storage.ts';

export interface MediaOptions {
  storage: MediaStorage;
  /** Where uploads wait while they are checked (the disk store's own `.incoming`). */
  incoming: string;
  maxBytes: number;
}

const fail = (status: number, error: string, code: RefusalCode, message?: string) => new HttpError(status, error, message ?? refusal(code as 'media_empty').message, code);

/**
 * PUT /api/media/:id (docs/DESIGN.md "Media storage"): a coach's upload of the file whose
 * SHA-256 is `id`. Receive, then check, in this order: who (coaches only, before a byte is
 * read), the declared length, the bytes as they arrive (the limit, a cut connection), the hash
 * against `id`, the kind from the bytes; only then store and record. The answer is the same
 * whether the file was stored before (by anyone) or not, so an upload tells nobody what others
 * stored.
 */
export async function upload(repo: Repository, media: MediaOptions, viewer: Viewer, id: string, body: Readable, declared: number | undefined): Promise<MediaRef> {
  if (viewer.role !== 'coach') throw fail(403, 'forbidden', 'media_coach_only');
  const tooLarge = () => fail(413, 'payload_too_large', 'media_too_large', refusal('media_too_large', { limit: sizeLimitText(media.maxBytes) }).message);
  if (declared !== undefined && declared > media.maxBytes) throw tooLarge();
  let got;
  try {
    got = await receive(body, media.incoming, media.maxBytes, declared);
  } catch (err) {
    if (err instanceof ReceiveError) throw err.reason === 'too_large' ? tooLarge() : fail(400, 'bad_request', 'media_truncated');
    throw err;
  }
  try {
    if (got.sha256 !== id) throw fail(400, 'bad_request', 'media_hash_mismatch');
    const type = sniffMediaType(got.head);
    const refused = mediaRefusal(got.size, type, 'resource', media.maxBytes);
    if (refused) throw new HttpError(refused.code === 'media_too_large' ? 413 : 415, 'unsupported_media', refused.message, refused.code);
    await media.storage.put(id, createReadStream(got.file), got.size);
    const row: MediaRow = { id, ownerId: viewer.id, type: type!, size: got.size, createdAt: new Date().toISOString() };
    await repo.saveMedia(row);
    return { id, type: row.type, size: row.size };
  } finally {
    await got.discard();
  }
}

/**
 * May `viewer` have file `id`, and as what? A coach has their own uploads. Anyone else (and a
 * coach for a file not theirs) names the document they see it through (`via`,
 * "collection:id"): it must be one they can see (the same `canSee` as sync), it must refer to
 * the file, and its author must have uploaded that file. So a client gets the files of their
 * own sessions and their coach's exercises and resources, and a hash alone — guessed, or
 * copied onto an attacker's own exercise — opens nothing. Every "no" is the same 404, whether
 * the file exists or not. A document the viewer sees whose author has not uploaded the file
 * yet answers `media_pending`: the device shows "uploading…" and asks again later.
 */
export async function access(repo: Repository, viewer: Viewer, id: string, via: string | undefined): Promise<MediaRow> {
  const notFound = () => fail(404, 'not_found', 'media_not_found');
  if (viewer.role === 'coach') {
    const own = await repo.mediaOf(id, viewer.id);
    if (own) return own;
  }
  if (!via) throw notFound();
  const at = via.indexOf(':');
  const collection = via.slice(0, at) as CollectionName;
  const found = await repo.get(collection, via.slice(at + 1));
  if (!found || found.deleted) throw notFound();
  const doc = found.doc as Record<string, unknown>;
  if (collection === 'notes' && doc.kind !== 'resource') throw notFound();
  if (!mediaIdsOf(collection, doc).includes(id)) throw notFound();
  if (!canSee(viewer, collection, found.doc, await loadRelations(repo, viewer))) throw notFound();
  const author = mediaAuthorOf(collection, doc);
  const row = author ? await repo.mediaOf(id, author) : null;
  if (!row) throw fail(404, 'not_found', 'media_pending');
  return row;
}
