import { z } from 'zod';

/**
 * A coach's own photo, video or file (docs/DESIGN.md "Media storage"): a document refers to it
 * by the SHA-256 of its bytes (lower-case hex), so the document syncs like any other and the
 * file travels on its own. `type` is what the bytes are (sniffed, domain/media.ts), never the
 * name or the declared type; `size` is in bytes.
 */
export const mediaHash = z.string().length(64).regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 as 64 lower-case hex digits');
export const mediaType = z.enum(['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm', 'application/pdf']);
export type MediaType = z.infer<typeof mediaType>;

/** The largest file a coach may upload: 50 MB (a short phone video). */
export const MEDIA_MAX_BYTES = 50 * 1024 * 1024;

export const mediaRefSchema = z.strictObject({
  id: mediaHash,
  type: mediaType,
  size: z.number().int().min(1).max(MEDIA_MAX_BYTES),
});
export type MediaRef = z.infer<typeof mediaRefSchema>;

/** On an exercise, a prescription or a resource: optional (older documents stay valid), null once removed. */
export const optionalMedia = mediaRefSchema.nullable().optional();

/** The documents a file is seen through: `via` on GET /api/media/:id (docs/DESIGN.md "Media storage"). */
export const mediaVia = z.string().max(80).regex(/^(exercises|sessions|notes):[A-Za-z0-9_.:-]{1,64}$/, 'expected collection:id of an exercise, session or resource');

export const mediaParamsSchema = z.object({ id: mediaHash });
export const mediaQuerySchema = z.object({ via: mediaVia.optional() });
/** What an upload answers: the reference to put on the document. */
export const mediaUploadAnswerSchema = mediaRefSchema;
/** An upload's headers: its length, when the sender states one (a stream may not). */
export const mediaUploadHeadersSchema = z.looseObject({ 'content-length': z.coerce.number().int().min(0).optional() });
