/**
 * 500 Server-Sent-Events streams held open while 50 writers push 200 messages a second.
 * Figures: push request latency p99 (autocannon, corrected for coordinated omission) and,
 * as context, the delivery latency from a push leaving the writer to the message arriving on
 * the coach's open stream.
 */
import { copyFileSync } from 'node:fs';
import http from 'node:http';
import type { Message, Person } from '@spotter/shared';
import type { Generated } from './generate.ts';
import { Prng } from '@spotter/sim/prng.ts';
import { figure, percentile, type Figure } from './report.ts';
import { cpuSeconds, mintToken, startServerProcess, PORTS } from './server-process.ts';

const STREAMS = 500;
const WRITERS = 50;
const RATE = 200;
const SECONDS = 15;

export interface Stream {
  events: number;
  open: boolean;
  close(): void;
}

/** A minimal EventSource: enough to hold a stream and see each `data:` event as it lands. */
export function openStream(url: string, token: string, onData: (data: string) => void): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const s: Stream = { events: 0, open: false, close: () => req.destroy() };
    const req = http.get(`${url}/api/sync/stream?token=${token}`, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
      s.open = true;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!event.startsWith('data: ')) continue; // heartbeat comment
          s.events++;
          onData(event.slice(6));
        }
      });
      res.on('close', () => (s.open = false));
      resolve(s);
    });
    req.on('error', (e) => (s.open ? (s.open = false) : reject(e)));
  });
}

/**
 * Open-loop writers: writer i sends every 1000·writers/rate ms from its own phase, whatever
 * the server's answers, and latency counts from the scheduled time, so a slow server cannot
 * hide its queueing (coordinated omission). Not autocannon's `overallRate`: it sends each
 * connection's quota for the second back to back at the top of every second, i.e. bursts of
 * 200 pushes at once, which measures the burst, not a steady 200/s.
 */
export async function pacedWriters(url: string, writers: number, rate: number, ms: number, make: (writer: number, seq: number) => { token: string; body: string }) {
  const interval = (1000 * writers) / rate;
  const latencies: number[] = [];
  let failed = 0;
  let seq = 0;
  const t0 = performance.now();
  const one = (writer: number, due: number) =>
    new Promise<void>((resolve) => {
      const { token, body } = make(writer, seq++);
      const req = http.request(`${url}/api/sync/messages/push`, {
        method: 'POST', agent: agents[writer],
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - due);
          else failed++;
          resolve();
        });
      });
      req.on('error', () => (failed++, resolve()));
      req.end(body);
    });
  // One kept-alive connection per writer, as a device has: a push due while the previous one
  // is still in flight waits for it, and that wait counts.
  const agents = Array.from({ length: writers }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const inFlight: Promise<void>[] = [];
  await Promise.all(Array.from({ length: writers }, async (_, w) => {
    for (let due = t0 + (w / writers) * interval; due < t0 + ms; due += interval) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(one(w, due)); // not awaited: the next push is due on schedule regardless
    }
  }));
  await Promise.all(inFlight);
  for (const a of agents) a.destroy();
  return { latencies, failed };
}

export interface SseRun {
  latencies: number[];
  failed: number;
  delivery: number[];
  sent: number;
  held: number;
  /** CPU of the server processes and of the load generator, in cores. */
  serverLoad: number;
  benchLoad: number;
}

export async function sseFigures(baseDb: string, workDir: string, data: Generated): Promise<Figure[]> {
  const dbPath = `${workDir}/sse.db`;
  copyFileSync(baseDb, dbPath);
  const server = await startServerProcess(dbPath, PORTS.sse);
  try {
    const r = await sseLoad(server.url, server.url, data, [server.child.pid!]);
    return [
      figure('server: push p99 latency, 500 SSE streams held, 200 pushes/s from 50 writers', percentile(r.latencies, 99), 'ms', '<=', 100, `${latencyNote(r)}; CPU: server ${(r.serverLoad * 100).toFixed(0)} %, load generator ${(r.benchLoad * 100).toFixed(0)} % of a core`),
      figure('server: push → coach stream delivery p99 (same load)', r.delivery.length ? percentile(r.delivery, 99) : null, 'ms', 'info', 0, deliveryNote(r)),
    ];
  } finally {
    await server.stop();
  }
}

export const latencyNote = (r: SseRun) =>
  `p50 ${percentile(r.latencies, 50).toFixed(1)} ms, max ${Math.max(...r.latencies).toFixed(0)} ms; ${(r.latencies.length / SECONDS).toFixed(0)} pushes/s over ${SECONDS} s; failed ${r.failed}; ${r.held}/${STREAMS} streams still open`;

export const deliveryNote = (r: SseRun) =>
  `p50 ${percentile(r.delivery, 50).toFixed(0)} ms; ${r.delivery.length}/${r.sent} delivered within 2 s of the end${r.sent - r.delivery.length ? ` (${r.sent - r.delivery.length} not seen)` : ''}`;

/**
 * 500 streams held on `streamUrl` while 50 writers push 200 messages a second to `pushUrl`
 * (the same server, or another instance on the same database): push latency, and delivery
 * latency to the writers' coaches' streams.
 */
export async function sseLoad(pushUrl: string, streamUrl: string, data: Generated, serverPids: number[]): Promise<SseRun> {
  const streams: Stream[] = [];
  try {
    const viewers: Person[] = [...data.crowd.flatMap((c) => [c.coach, ...c.clients]), data.coach, ...data.clients].slice(0, STREAMS);
    const writers = data.crowd.flatMap((c) => c.clients.slice(0, WRITERS / data.crowd.length).map((client) => ({ client, coach: c.coach })));
    if (viewers.length < STREAMS || writers.length < WRITERS) throw new Error('the generated crowd is too small for the SSE bench');
    const coachIds = new Set(data.crowd.map((c) => c.coach.id));
    const sentAt = new Map<string, number>();
    const delivery: number[] = [];
    for (const viewer of viewers) {
      const isCoach = coachIds.has(viewer.id);
      streams.push(await openStream(streamUrl, mintToken(viewer.id, viewer.role), (raw) => {
        // Only the coach's streams are timed: the writer's coach is the one who must see it.
        if (!isCoach || !raw.includes('"messages"')) return;
        const now = performance.now();
        for (const doc of (JSON.parse(raw) as { documents: { id: string }[] }).documents) {
          const t = sentAt.get(doc.id);
          if (t !== undefined) delivery.push(now - t);
        }
      }));
    }

    const tokens = writers.map((w) => mintToken(w.client.id, 'client'));
    const rnd = new Prng(5);
    const cpu0 = process.cpuUsage();
    const serverCpu = () => serverPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const serverCpu0 = serverCpu();
    const result = await pacedWriters(pushUrl, WRITERS, RATE, SECONDS * 1000, (i, seq) => {
      const { client, coach } = writers[i]!;
      const now = new Date().toISOString();
      const msg: Message = {
        id: rnd.uuid(Date.now()), kind: 'message', authorId: client.id, authorRole: 'client', coachId: coach.id, clientId: client.id,
        targetType: null, targetId: null, targetEntryId: null, rating: null, body: `bench message ${seq}`, createdAt: now, updatedAt: now,
      };
      sentAt.set(msg.id, performance.now());
      return { token: tokens[i]!, body: JSON.stringify([{ assumedMasterState: null, newDocumentState: { ...msg, _deleted: false } }]) };
    });
    const cpu = process.cpuUsage(cpu0);
    const benchLoad = (cpu.user + cpu.system) / 1e6 / SECONDS;
    const serverLoad = (serverCpu() - serverCpu0) / SECONDS;
    await new Promise((r) => setTimeout(r, 2000)); // stragglers still in flight on the streams
    const held = streams.filter((s) => s.open).length;
    return { ...result, delivery, sent: sentAt.size, held, serverLoad, benchLoad };
  } finally {
    for (const s of streams) s.close();
  }
}
