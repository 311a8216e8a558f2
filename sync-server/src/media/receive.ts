import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { SNIFF_BYTES } from '@spotter/shared';

/** An upload as received: where its bytes wait, their SHA-256, how many, and the first ones (to sniff). */
export interface Received {
  file: string;
  sha256: string;
  size: number;
  head: Uint8Array;
  discard(): Promise<void>;
}

/** Why a body was not received whole. */
export class ReceiveError extends Error {
  readonly reason: 'too_large' | 'truncated';
  constructor(reason: 'too_large' | 'truncated') {
    super(reason);
    this.reason = reason;
  }
}

/**
 * Streams a request body into a file under `folder`, hashing and counting as it goes, never
 * holding more than a chunk in memory. Stops as soon as it passes `maxBytes` (the sender may
 * have lied about its length, or sent none), and calls a body that ended early (the connection
 * dropped, or fewer bytes than `declared`) truncated. Either way nothing is left on disk.
 */
export async function receive(body: Readable, folder: string, maxBytes: number, declared: number | undefined): Promise<Received> {
  await mkdir(folder, { recursive: true });
  const file = join(folder, `upload-${randomBytes(8).toString('hex')}`);
  const discard = () => rm(file, { force: true });
  const hash = createHash('sha256');
  const head = new Uint8Array(SNIFF_BYTES);
  let size = 0;
  const out = createWriteStream(file, { flags: 'wx' });
  try {
    await new Promise<void>((resolve, reject) => {
      let ended = false;
      // The temporary file is removed only once its stream has closed: removed earlier, a
      // still-opening stream would create it again and leave it behind.
      const fail = (err: Error) => {
        out.destroy();
        if (out.closed) reject(err);
        else out.once('close', () => reject(err));
      };
      body.on('data', (chunk: Buffer) => {
        if (size < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - size), size);
        size += chunk.length;
        if (size > maxBytes) {
          body.pause();
          fail(new ReceiveError('too_large'));
          return;
        }
        hash.update(chunk);
        if (!out.write(chunk)) {
          body.pause();
          out.once('drain', () => body.resume());
        }
      });
      body.on('end', () => {
        ended = true;
        out.end();
      });
      // A client that goes away mid-upload: the request is aborted, never 'end'ed.
      body.on('aborted', () => fail(new ReceiveError('truncated')));
      body.on('close', () => {
        if (!ended) fail(new ReceiveError('truncated'));
      });
      body.on('error', () => fail(new ReceiveError('truncated')));
      out.on('error', fail);
      out.on('finish', () => resolve());
    });
  } catch (err) {
    await discard();
    throw err;
  }
  if (declared !== undefined && size !== declared) {
    await discard();
    throw new ReceiveError('truncated');
  }
  return { file, sha256: hash.digest('hex'), size, head: head.subarray(0, Math.min(size, SNIFF_BYTES)), discard };
}
