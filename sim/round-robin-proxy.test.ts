import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { RoundRobinProxy } from './round-robin-proxy.ts';

/**
 * The simulation's load balancer (round-robin-proxy.ts) in front of two small HTTP servers
 * standing for the two instances: requests alternate, bodies arrive whole, a stream's events
 * pass through as they are written, a dead instance is skipped, and an instance dying under an
 * open stream cuts the device's side too.
 */
const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

interface Instance {
  server: Server;
  port: number;
  /** The open stream's response, to write events to or cut. */
  stream: ServerResponse | null;
}

async function instance(name: string): Promise<Instance> {
  const me: Instance = { server: null as unknown as Server, port: 0, stream: null };
  me.server = createServer(async (req, res) => {
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: hello from ${name}\n\n`);
      me.stream = res;
      return;
    }
    let body = '';
    for await (const c of req) body += c;
    res.end(JSON.stringify({ name, body, path: req.url }));
  });
  await new Promise<void>((r) => me.server.listen(0, '127.0.0.1', r));
  me.port = (me.server.address() as { port: number }).port;
  open.push({ close: () => (me.server.closeAllConnections(), new Promise((r) => me.server.close(r))) });
  return me;
}

async function proxyFor(...instances: Instance[]) {
  const proxy = new RoundRobinProxy(instances.map((i) => i.port));
  const url = `http://127.0.0.1:${await proxy.listen()}`;
  open.unshift(proxy);
  return { proxy, url };
}

async function post(url: string, body: string) {
  const res = await fetch(`${url}/api/x`, { method: 'POST', body });
  return { status: res.status, json: (await res.json()) as { name: string; body: string; message?: string } };
}

describe('round-robin proxy', () => {
  it('sends each request to the next instance in turn, with its whole body', async () => {
    const { url, proxy } = await proxyFor(await instance('A'), await instance('B'));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await post(url, `body ${i}`)).json);
    expect(answers.map((a) => [a.name, a.body])).toEqual([['A', 'body 0'], ['B', 'body 1'], ['A', 'body 2'], ['B', 'body 3']]);
    expect(proxy.served).toEqual([2, 2]);
  });

  it('skips an instance that refuses connections, and answers 502 when none accepts', async () => {
    const [a, b] = [await instance('A'), await instance('B')];
    const { url } = await proxyFor(a, b);
    await new Promise((r) => a.server.close(r));
    expect((await post(url, '1')).json.name).toBe('B');
    expect((await post(url, '2')).json.name).toBe('B');
    await new Promise((r) => b.server.close(r));
    const none = await post(url, '3');
    expect(none.status).toBe(502);
    expect(none.json.message).toMatch(/No server instance/);
  });

  it('passes a stream through event by event, and cuts it when its instance dies', async () => {
    const a = await instance('A');
    const { url } = await proxyFor(a);
    const res = await fetch(`${url}/stream`);
    const reader = res.body!.getReader();
    const text = async () => new TextDecoder().decode((await reader.read()).value);
    expect(await text()).toBe('data: hello from A\n\n');
    // An event written later arrives while the stream stays open (nothing buffered).
    a.stream!.write('data: second\n\n');
    expect(await text()).toBe('data: second\n\n');
    a.stream!.socket!.destroy(); // the instance is killed under the open stream
    await expect(reader.read()).rejects.toThrow();
  });
});
