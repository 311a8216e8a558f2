import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Bytes `start` to `end`, both included (an HTTP Range). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where uploaded files live, by key (their SHA-256): the disk under the server's data folder by
 * default (DiskMediaStorage); an S3-compatible store implements the same four calls (put as a
 * PutObject, get as a GetObject with Range, exists as HeadObject). Callers verify the bytes
 * before `put`: a store never checks what it is given (docs/DESIGN.md "Media storage").
 */
export interface MediaStorage {
  /** Stores `size` bytes under `key`; a key already stored is left as it is (same key, same bytes). */
  put(key: string, body: Readable, size: number): Promise<void>;
  /** The bytes under `key` (only `range` of them when given) and the whole file's size; null when absent. */
  get(key: string, range?: ByteRange): Promise<{ body: Readable; size: number } | null>;
  /** The stored size of `key`, or null when absent. */
  exists(key: string): Promise<number | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

/**
 * The default store: `<root>/<first two hex digits>/<sha-256>`. Keys are checked against the
 * hex pattern here too, so no caller can make a path of a key ("../" never reaches the disk).
 * A file appears whole or not at all: written under `.incoming/` and renamed into place.
 */
export class DiskMediaStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** The folder uploads are received into before they are verified (same disk: a rename, not a copy). */
  get incoming(): string {
    return join(this.root, '.incoming');
  }

  #path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a media key: ${JSON.stringify(key).slice(0, 80)}`);
    return join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, body: Readable, size: number): Promise<void> {
    const path = this.#path(key);
    if ((await this.exists(key)) === size) {
      body.destroy();
      return;
    }
    await mkdir(this.incoming, { recursive: true });
    const temp = join(this.incoming, `${key}.${randomBytes(6).toString('hex')}`);
    try {
      await pipeline(body, createWriteStream(temp, { flags: 'wx' }));
      await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
      // Two uploads of one file at once both land here: the second rename replaces equal bytes.
      await rename(temp, path);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async get(key: string, range?: ByteRange): Promise<{ body: Readable; size: number } | null> {
    const size = await this.exists(key);
    if (size === null) return null;
    return { body: createReadStream(this.#path(key), range ? { start: range.start, end: range.end } : {}), size };
  }

  async exists(key: string): Promise<number | null> {
    try {
      const s = await stat(this.#path(key));
      return s.isFile() ? s.size : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }
}
