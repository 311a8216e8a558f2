import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * The device's network link: a loopback TCP relay between the device and the sync server.
 * Going offline cuts every open connection (the live stream included) and refuses new ones,
 * which is what a phone losing its signal looks like to both ends — the server sees its
 * sockets close, the device sees its requests fail. Reconnects to the server's port afresh
 * for each connection, so it keeps working across server restarts.
 */
export class Link {
  #server: Server;
  #sockets = new Set<Socket>();
  #online = true;
  readonly targetPort: number;

  constructor(targetPort: number) {
    this.targetPort = targetPort;
    this.#server = createServer((device) => this.#relay(device));
  }

  async listen(): Promise<number> {
    await new Promise<void>((done) => this.#server.listen(0, '127.0.0.1', done));
    return (this.#server.address() as { port: number }).port;
  }

  get online(): boolean {
    return this.#online;
  }

  setOnline(online: boolean): void {
    this.#online = online;
    if (!online) for (const s of this.#sockets) s.destroy();
  }

  #relay(device: Socket): void {
    if (!this.#online) {
      device.destroy();
      return;
    }
    const server = createConnection({ port: this.targetPort, host: '127.0.0.1' });
    for (const s of [device, server]) {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
      // Either side failing ends both: a half-open relay would hang the request forever.
      s.on('error', () => {
        device.destroy();
        server.destroy();
      });
    }
    device.on('close', () => server.destroy());
    server.on('close', () => device.destroy());
    device.pipe(server);
    server.pipe(device);
  }

  close(): Promise<void> {
    this.setOnline(false);
    return new Promise((done) => this.#server.close(() => done()));
  }
}
