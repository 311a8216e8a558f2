import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secrets of emailed links (invitations, password resets, email changes): `<id>.<secret>`.
 * The id finds the row; the secret, 256 random bits, is stored only as its sha256 hash and
 * compared in constant time, so neither a leaked database nor response timing gives a usable
 * link (SECURITY.md "Account links").
 */
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewLink {
  token: string;
  hash: string;
}

export function newLink(id: string): NewLink {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${id}.${secret}`, hash: sha256(secret) };
}

/** The id and the hash of the secret of a presented token, or null when it has no such shape. */
export function readLink(token: string): { id: string; hash: string } | null {
  const dot = token.indexOf('.');
  if (dot < 1 || dot === token.length - 1) return null;
  return { id: token.slice(0, dot), hash: sha256(token.slice(dot + 1)) };
}

/** Does the presented secret's hash equal the stored one? In constant time. */
export function sameHash(presented: string, stored: string): boolean {
  const a = Buffer.from(presented, 'hex');
  const b = Buffer.from(stored, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
