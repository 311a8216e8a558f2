import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * The load balancer in front of several server instances
 * (docs/DESIGN.md "Growing past one machine"): each request goes to the next instance in
 * turn, so one device's pushes, pulls and live stream land on different instances. Answers are streamed back as they come (the live
 * stream's events pass through unbuffered). An instance that refuses the connection (killed)
 * is skipped, as a load balancer's health check would; when none accepts, 502. When an
 * instance dies under an open request, the device's side is cut too, as through a real proxy.
 */
export class RoundRobinProxy {
  readonly #server: Server;
  readonly #ports: readonly number[];
  #next = 0;
  /** Requests in flight per instance (their paths), to kill an instance in the middle of one. */
  readonly #inFlight: Set<string>[];
  /** Requests each instance answered. */
  readonly served: number[];

  constructor(ports: readonly number[]) {
    this.#ports = ports;
    this.#inFlight = ports.map(() => new Set());
    this.served = ports.map(() => 0);
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  async listen(): Promise<number> {
    await new Promise<void>((done) => this.#server.listen(0, '127.0.0.1', done));
    return (this.#server.address() as { port: number }).port;
  }

  /** The instance now serving a request whose path matches, or null. */
  serving(path: RegExp): number | null {
    const i = this.#inFlight.findIndex((paths) => [...paths].some((p) => path.test(p)));
    return i < 0 ? null : i;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Read the body first: a request refused by a dead instance is sent again to the next one.
    const chunks: Buffer[] = [];
    try {
      for await (const c of req) chunks.push(c as Buffer);
    } catch {
      return; // the device went away mid-request
    }
    const body = Buffer.concat(chunks);
    const first = this.#next++ % this.#ports.length;
    for (let k = 0; k < this.#ports.length; k++) {
      const i = (first + k) % this.#ports.length;
      if (await this.#forward(i, req, body, res)) return;
    }
    res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'No server instance is reachable.' }));
  }

  /** Sends the request to instance i; false when it refused the connection (nothing was sent). */
  #forward(i: number, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const key = `${Math.random()} ${req.url}`;
      const headers = { ...req.headers, connection: 'close' };
      const up = request({ host: '127.0.0.1', port: this.#ports[i], method: req.method, path: req.url, headers, agent: false });
      let connected = false;
      const done = () => this.#inFlight[i]!.delete(key);
      up.on('socket', (s) => s.once('connect', () => (connected = true)));
      up.on('error', () => {
        done();
        if (!connected && !res.headersSent) return resolve(false);
        res.destroy();
        resolve(true);
      });
      up.on('response', (answer) => {
        this.served[i]!++;
        const { connection: _c, 'keep-alive': _k, ...rest } = answer.headers;
        res.writeHead(answer.statusCode ?? 502, rest);
        res.flushHeaders();
        answer.on('data', (c: Buffer) => res.write(c));
        answer.on('end', () => {
          done();
          res.end();
        });
        // The instance died mid-answer: the device must see its request (or stream) fail.
        answer.on('aborted', () => res.destroy());
        answer.on('error', () => res.destroy());
        answer.on('close', () => {
          done();
          if (!answer.complete) res.destroy();
        });
        resolve(true);
      });
      // The device went away (offline): close the instance's side too (its live stream).
      res.on('close', () => {
        if (!res.writableFinished) up.destroy();
      });
      this.#inFlight[i]!.add(key);
      up.end(body);
    });
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((done) => this.#server.close(() => done()));
  }
}
