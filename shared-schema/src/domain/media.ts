import { MEDIA_MAX_BYTES, type MediaRef, type MediaType } from '../docs/media.ts';
import { refusal, type Refusal } from '../refusals.ts';

/** Bytes `sniffMediaType` needs to see: the longest signature it reads (WebM's doctype). */
export const SNIFF_BYTES = 64;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/**
 * What a file is, from its first bytes (magic numbers), or null when it is none of the kinds
 * Spotter stores. Names and declared types are never believed: a "photo.jpg" holding HTML would
 * otherwise be served to another person as an image (docs/DESIGN.md "Media storage").
 */
export function sniffMediaType(head: Uint8Array): MediaType | null {
  // JPEG: SOI marker then another marker.
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // WebP: a RIFF container whose form type is WEBP.
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  // MP4 (and the QuickTime files iPhones record, which browsers play as mp4): an ftyp box first.
  if (ascii(head, 4, 8) === 'ftyp') return 'video/mp4';
  // WebM: an EBML header whose DocType is "webm" (Matroska proper is not played by browsers).
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]) && ascii(head, 4, Math.min(head.length, SNIFF_BYTES)).includes('webm')) return 'video/webm';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** A size limit as people read it: "50 MB", or "1 KB" below a megabyte. */
export const sizeLimitText = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`);

/** Where a file is attached: exercises and prescriptions take photos and videos, resources PDFs too. */
export type MediaUse = 'exercise' | 'resource';

const allowed: Record<MediaUse, ReadonlySet<MediaType>> = {
  exercise: new Set(['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm']),
  resource: new Set(['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm', 'application/pdf']),
};

/**
 * Why a file cannot be attached, or null: checked on the device before it is queued (so the
 * coach hears it at once, offline too) and again by the server on the bytes it received.
 * Rules in order: an empty file is nothing to show; over the limit is refused before anything
 * is read; then the bytes must be one of the kinds this use shows.
 */
export function mediaRefusal(size: number, type: MediaType | null, use: MediaUse = 'resource', maxBytes = MEDIA_MAX_BYTES): Refusal | null {
  if (size <= 0) return refusal('media_empty');
  if (size > maxBytes) return refusal('media_too_large', { limit: sizeLimitText(maxBytes) });
  if (type === null || !allowed[use].has(type)) return refusal(use === 'exercise' ? 'media_type_exercise' : 'media_type_resource');
  return null;
}

export const isVideo = (ref: Pick<MediaRef, 'type'>) => ref.type.startsWith('video/');
export const isImage = (ref: Pick<MediaRef, 'type'>) => ref.type.startsWith('image/');

/** Every file a document refers to: an exercise's or resource's own, and each prescription's. */
export function mediaIdsOf(collection: string, doc: Record<string, unknown>): string[] {
  const ids: string[] = [];
  const add = (m: unknown) => {
    if (m && typeof m === 'object' && typeof (m as MediaRef).id === 'string') ids.push((m as MediaRef).id);
  };
  if (collection === 'exercises' || collection === 'notes') add(doc.media);
  if (collection === 'sessions' && Array.isArray(doc.exercises)) for (const p of doc.exercises) add((p as { media?: unknown }).media);
  return ids;
}

/** Who put a document's files there: only their uploads are served through it (an exercise's owner, a session's or resource's coach). */
export function mediaAuthorOf(collection: string, doc: Record<string, unknown>): string | null {
  if (collection === 'exercises') return (doc.ownerId as string | null) ?? null;
  if (collection === 'sessions' || collection === 'notes') return (doc.coachId as string | null) ?? null;
  return null;
}

/**
 * A YouTube or Vimeo link as its embedded player's address (youtube-nocookie: no cookies until
 * the person plays it), or null for any other link, which stays a plain link.
 */
export function embedUrl(link: string): string | null {
  let u: URL;
  try {
    u = new URL(link);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.replace(/^www\.|^m\./, '');
  const idOk = (v: string | null | undefined): v is string => !!v && /^[A-Za-z0-9_-]{6,20}$/.test(v);
  let yt: string | null | undefined = null;
  if (host === 'youtu.be') yt = u.pathname.slice(1);
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    yt = u.pathname === '/watch' ? u.searchParams.get('v') : /^\/(?:embed|shorts|live)\/([^/]+)/.exec(u.pathname)?.[1];
  }
  if (idOk(yt)) return `https://www.youtube-nocookie.com/embed/${yt}`;
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const vid = /^\/(?:video\/)?(\d{3,12})(?:\/|$)/.exec(u.pathname)?.[1];
    if (vid) return `https://player.vimeo.com/video/${vid}?dnt=1`;
  }
  return null;
}
