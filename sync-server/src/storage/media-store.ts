import type { MediaType } from '@spotter/shared';
import { methodsOf } from './delegate.ts';

/** Who uploaded a file (tables.ts `media`; docs/DESIGN.md "Media storage"). */
export interface MediaRow {
  /** The file's SHA-256, lower-case hex. */
  id: string;
  ownerId: string;
  type: MediaType;
  size: number;
  createdAt: string;
}

/** The media side of the Repository: the uploads' records. The bytes live in media/storage.ts. */
export interface MediaStore {
  /** Records that `ownerId` uploaded the file; a second record of the same pair is a no-op. */
  saveMedia(row: MediaRow): Promise<void>;
  /** The record of `ownerId`'s upload of the file, or null when they never uploaded it. */
  mediaOf(id: string, ownerId: string): Promise<MediaRow | null>;
}

/** Every method of MediaStore, for the repositories' delegation (delegate.ts). */
export const mediaStoreMethods = methodsOf<MediaStore>()(['saveMedia', 'mediaOf']);
