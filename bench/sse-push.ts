/**
 * The push must not wait for the SSE fan-out (SECURITY.md "Availability"). Before the fix
 * every open stream of the pushing user's coach pulled inside the push: 500 streams of one
 * user turned a 2 ms push into 91 ms. Streams are now capped per user (20), so 500 streams of
 * one user cannot exist; the worst that can: every crowd coach holds the cap's worth (10 × 20
 * streams that all pull on each of their clients' pushes) plus one stream for each of 300
 * clients — 500 streams — while 20 of those clients push, paced, 100 pushes a second.
 *
 *   node bench/run.ts sse-push        # this figure only
 */
import { copyFileSync } from 'node:fs';
import type { Message } from '@spotter/shared';
import type { Generated } from './generate.ts';
import { Prng } from '@spotter/sim/prng.ts';
import { figure, percentile, type Figure } from './report.ts';
import { cpuSeconds, mintToken, startServerProcess, PORTS } from './server-process.ts';
import { pacedWriters } from './sse.ts';
import { holdStreams, type HeldStreams } from './stream-holder.ts';

const PER_COACH = 20; // the server's default maxStreamsPerUser
const CLIENT_STREAMS = 300;
const WRITERS = 20;
const RATE = 100;
const SECONDS = 15;
const WARM_UP_SECONDS = 2;

export async function ssePushFigures(baseDb: string, workDir: string, data: Generated): Promise<Figure[]> {
  const dbPath = `${workDir}/sse-push.db`;
  copyFileSync(baseDb, dbPath);
  const server = await startServerProcess(dbPath, PORTS.ssePush);
  let streams: HeldStreams | undefined;
  try {
    const clients = data.crowd.flatMap((c) => c.clients);
    if (clients.length < CLIENT_STREAMS || data.crowd.length * PER_COACH + CLIENT_STREAMS !== 500) throw new Error('the generated crowd does not fit the 500 streams');
    const streamTokens = [
      ...data.crowd.flatMap(({ coach }) => Array.from({ length: PER_COACH }, () => mintToken(coach.id, 'coach'))),
      ...clients.slice(0, CLIENT_STREAMS).map((client) => mintToken(client.id, 'client')),
    ];
    streams = await holdStreams(server.url, streamTokens);
    // Writers spread over the coaches: every push wakes its coach's 20 streams.
    const writers = Array.from({ length: WRITERS }, (_, i) => {
      const crowd = data.crowd[i % data.crowd.length]!;
      return { client: crowd.clients[Math.floor(i / data.crowd.length)]!, coach: crowd.coach };
    });
    const tokens = writers.map((w) => mintToken(w.client.id, 'client'));
    const rnd = new Prng(12);
    const push = (i: number, seq: number) => {
      const { client, coach } = writers[i]!;
      const now = new Date().toISOString();
      const msg: Message = {
        id: rnd.uuid(Date.now()), kind: 'message', authorId: client.id, authorRole: 'client', coachId: coach.id, clientId: client.id,
        targetType: null, targetId: null, targetEntryId: null, rating: null, body: `fan-out ${seq}`, createdAt: now, updatedAt: now,
      };
      return { token: tokens[i]!, body: JSON.stringify([{ assumedMasterState: null, newDocumentState: { ...msg, _deleted: false } }]) };
    };
    // Warm-up, not counted: the first pushes after a start compile the push and pull paths
    // (the slowest 6 of 1,500 were the first 6, 20–28 ms), which is a start-up cost, not the
    // steady push latency this figure is about.
    await pacedWriters(server.url, WRITERS, RATE, WARM_UP_SECONDS * 1000, push);
    const serverCpu0 = cpuSeconds(server.child.pid!);
    const result = await pacedWriters(server.url, WRITERS, RATE, SECONDS * 1000, push);
    const serverLoad = (cpuSeconds(server.child.pid!) - serverCpu0) / SECONDS;
    const held = await streams.open();
    return [
      figure(`server: push p99, 500 SSE streams (${data.crowd.length} coaches × ${PER_COACH}, the per-user cap, + ${CLIENT_STREAMS} clients), ${RATE} pushes/s from ${WRITERS} writers`,
        percentile(result.latencies, 99), 'ms', '<=', 10,
        `p50 ${percentile(result.latencies, 50).toFixed(1)} ms, max ${Math.max(...result.latencies).toFixed(0)} ms; ${result.latencies.length} pushes, failed ${result.failed}; ${held}/500 streams still open; server CPU ${(serverLoad * 100).toFixed(0)} % of a core`),
    ];
  } finally {
    await streams?.close();
    await server.stop();
  }
}
