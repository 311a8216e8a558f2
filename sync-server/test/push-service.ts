/**
 * A push service in the test process (an HTTP server on loopback, allow-listed for the test
 * server) and a browser's side of Web Push: a real P-256 key pair and a 16-byte authentication
 * secret, with which it decrypts what it receives (RFC 8291, aes128gcm, via http_ece).
 */
import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decrypt } from 'http_ece';
import type { PushPayload, WebPushSubscription } from '@spotter/shared';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface TestPushService {
  origin: string;
  /** Every request received so far, in order. */
  received: Received[];
  /** Answer requests to this path with this status (410: the subscription is gone). */
  answer(path: string, status: number): void;
  close(): Promise<void>;
}

export async function startPushService(): Promise<TestPushService> {
  const received: Received[] = [];
  const answers = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = answers.get(req.url ?? '') ?? 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    answer: (path, status) => answers.set(path, status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One browser: its keys, the subscription it would hand the app, and its decryption of a push. */
export class TestBrowserKeys {
  readonly #ecdh: ECDH = createECDH('prime256v1');
  readonly #auth = randomBytes(16);
  readonly endpoint: string;

  constructor(endpoint: string) {
    this.#ecdh.generateKeys();
    this.endpoint = endpoint;
  }

  get subscription(): WebPushSubscription {
    return { endpoint: this.endpoint, expirationTime: null, keys: { p256dh: this.#ecdh.getPublicKey().toString('base64url'), auth: this.#auth.toString('base64url') } };
  }

  /** The payload of a push sent to this browser; throws when it was not encrypted for it. */
  open(r: Received): PushPayload {
    return JSON.parse(decrypt(r.body, { version: 'aes128gcm', privateKey: this.#ecdh, authSecret: this.#auth }).toString('utf8')) as PushPayload;
  }
}
