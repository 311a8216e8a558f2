import { request } from 'node:http';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy that cuts ONE connection at a chosen step of an HTTP exchange, for the
 * edge fault tests: before the request reaches the server, in the middle of its body, after
 * the server committed and started answering (the answer is lost), or in the middle of the
 * answer. Every other connection passes untouched.
 */
export type Cut = 'before-request' | 'mid-request' | 'after-commit' | 'mid-response';
export const cuts: Cut[] = ['before-request', 'mid-request', 'after-commit', 'mid-response'];

export class CutProxy {
  #server: Server;
  #next: Cut | null = null;
  port = 0;
  readonly targetPort: number;

  constructor(targetPort: number) {
    this.targetPort = targetPort;
    this.#server = createServer((client) => this.#handle(client, this.#next));
  }

  async listen(): Promise<this> {
    await new Promise<void>((r) => this.#server.listen(0, '127.0.0.1', r));
    this.port = (this.#server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next connection is cut at `cut`; later ones pass. */
  cutNext(cut: Cut): void {
    this.#next = cut;
  }

  #handle(client: Socket, cut: Cut | null): void {
    this.#next = null;
    client.on('error', () => undefined);
    if (cut === 'before-request') {
      client.destroy();
      return;
    }
    const upstream = createConnection({ port: this.targetPort, host: '127.0.0.1' });
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      // After a lost answer let the server finish writing it: it has already committed.
      if (cut !== 'after-commit') upstream.destroy();
    });
    let sent = 0;
    client.on('data', (chunk: Buffer) => {
      if (cut === 'mid-request') {
        // Headers and part of the body reach the server, then the line goes dead.
        const room = Math.max(0, 200 - sent);
        upstream.write(chunk.subarray(0, room));
        sent += chunk.length;
        if (sent >= 200) {
          upstream.destroy();
          client.destroy();
        }
        return;
      }
      upstream.write(chunk);
    });
    let answered = 0;
    upstream.on('data', (chunk: Buffer) => {
      if (cut === 'after-commit') {
        client.destroy(); // the first byte of the answer means the transaction is done
        upstream.resume();
        return;
      }
      if (cut === 'mid-response' && answered + chunk.length > 60) {
        client.write(chunk.subarray(0, Math.max(0, 60 - answered)));
        client.destroy();
        upstream.destroy();
        return;
      }
      answered += chunk.length;
      client.write(chunk);
    });
    upstream.on('end', () => client.end());
  }

  close(): Promise<void> {
    return new Promise((r) => this.#server.close(() => r()));
  }
}

/**
 * POST JSON on a connection of its own (no keep-alive pool, so a cut connection is never
 * reused and every request meets the proxy's choice). Rejects when the connection fails.
 */
export function postJson(baseUrl: string, path: string, token: string | null, body: unknown): Promise<{ status: number; body: any }> {
  const url = new URL(path, baseUrl);
  const data = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('answer cut')));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          try {
            resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null });
          } catch {
            reject(new Error(`answer cut or not JSON: ${text.slice(0, 80)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
