// http_ece ships no types; the push tests only decrypt (RFC 8188 / RFC 8291 aes128gcm).
declare module 'http_ece' {
  import type { ECDH } from 'node:crypto';
  export function decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: string | Buffer }): Buffer;
}
