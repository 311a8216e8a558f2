/**
 * The server figures on PostgreSQL, beside SQLite's (bench/README.md "PostgreSQL"): the same
 * large account (copied in, pg-load.ts), the same measurements as server-figures.ts and
 * sse.ts, plus what only several instances have — two server processes on one database:
 * push throughput through one instance vs spread over two, and a push through instance A
 * delivered to the streams held on instance B (LISTEN/NOTIFY, sync/pg-notifier.ts).
 */
import { join } from 'node:path';
import type { Exercise, Person } from '@spotter/shared';
import pg from 'pg';
import type { Generated } from './generate.ts';
import { BENCH_PASSWORD, COACH_EMAIL } from './generate.ts';
import { cloneDatabase, loadIntoPostgres, startBenchCluster } from './pg-load.ts';
import { figure, median, percentile, type Figure } from './report.ts';
import { api, startServerProcess, PORTS, type ServerProcess } from './server-process.ts';
import { PULL_BATCH, PUSH_BATCH, PUSH_REQUESTS, pullOnce, pushRun, sessionsToPush, type Login } from './server-figures.ts';
import { deliveryNote, latencyNote, sseLoad } from './sse.ts';

const asText = { getTypeParser: () => (v: string) => v };

/** The rows as PostgreSQL prints them (every value as text), to insert them again unchanged. */
async function storedSessions(url: string, afterSeq: number, limit: number): Promise<Record<string, string | null>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query({ text: 'SELECT * FROM sessions WHERE seq > $1 ORDER BY seq LIMIT $2', values: [afterSeq, limit], types: asText })).rows;
  } finally {
    await c.end();
  }
}

/** Plain prepared INSERTs of these rows, in transactions of PUSH_BATCH, as the SQLite figure does. */
async function rawInserts(url: string, rows: Record<string, string | null>[]): Promise<{ rows: number; perSecond: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const cols = Object.keys(rows[0]!);
    const text = `INSERT INTO sessions (${cols.map((k) => `"${k}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`;
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += PUSH_BATCH) {
      await c.query('BEGIN');
      for (const r of rows.slice(i, i + PUSH_BATCH)) await c.query({ name: 'raw-insert', text, values: cols.map((k) => r[k]) });
      await c.query('COMMIT');
    }
    return { rows: rows.length, perSecond: (rows.length / (performance.now() - t0)) * 1000 };
  } finally {
    await c.end();
  }
}

async function maxSessionSeq(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query('SELECT coalesce(max(seq), 0) AS seq FROM sessions')).rows[0].seq);
  } finally {
    await c.end();
  }
}

const P = 'PostgreSQL:';

export async function pgFigures(baseDb: string, workDir: string, data: Generated): Promise<Figure[]> {
  const cluster = await startBenchCluster(workDir);
  const servers: ServerProcess[] = [];
  const figures: Figure[] = [];
  try {
    const url = await loadIntoPostgres(cluster, baseDb, 'bench');
    const rawUrl = await cloneDatabase(cluster, 'bench', 'bench_raw');
    const seqBefore = await maxSessionSeq(url);
    // Two instances on the one database, as deploy/ runs them (one JWT secret: server-process.ts).
    const env = { DATABASE_URL: url };
    const a = await startServerProcess(join(workDir, 'unused-a.db'), PORTS.pgA, env);
    servers.push(a);
    const b = await startServerProcess(join(workDir, 'unused-b.db'), PORTS.pgB, env);
    servers.push(b);
    const token = (await api<Login>(a.url, null, '/api/auth/login', { email: COACH_EMAIL, password: BENCH_PASSWORD })).accessToken;

    await pullOnce(a.url, token); // warm-up: JIT, PostgreSQL's buffers
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await pullOnce(a.url, token));
    const rates = runs.map((r) => (r.docs / r.ms) * 1000);
    figures.push(figure(`${P} pull of 10,000 documents in batches of ${PULL_BATCH}`, median(rates), 'docs/s', '>=', 20_000, `median of 3 runs (${rates.map((r) => Math.round(r)).join(', ')})`));

    // Push: the same two rounds as on SQLite (cold, then warm: the figure), through instance A.
    const me = await api<Person>(a.url, token, '/api/me');
    const people = await api<{ documents: Person[] }>(a.url, token, '/api/sync/people/pull', { checkpoint: null, batchSize: 1000 });
    const clients = people.documents.filter((p) => p.role === 'client').map((p) => p.id);
    const library = await api<{ documents: Exercise[] }>(a.url, token, '/api/sync/exercises/pull', { checkpoint: null, batchSize: 1000 });
    const half = PUSH_BATCH * PUSH_REQUESTS;
    const docs = sessionsToPush(me, clients, library.documents, 3 * half);
    const cold = await pushRun(a, token, docs.slice(0, half));
    const warm = await pushRun(a, token, docs.slice(half, 2 * half));
    // The same 40 pushes and 4 connections again, spread over both instances (2 each).
    const split = docs.slice(2 * half);
    const [onA, onB] = await Promise.all([
      pushRun(a, token, split.slice(0, half / 2), { connections: 2, requests: PUSH_REQUESTS / 2 }),
      pushRun(b, token, split.slice(half / 2), { connections: 2, requests: PUSH_REQUESTS / 2 }),
    ]);
    const twoRate = ((onA.published + onB.published) / (Math.max(onA.endedAt, onB.endedAt) - Math.min(onA.startedAt, onB.startedAt))) * 1000;

    const stored = await storedSessions(url, seqBefore, 2 * half);
    const rawCold = await rawInserts(rawUrl, stored.slice(0, half));
    const raw = await rawInserts(rawUrl, stored.slice(half));
    figures.push(
      figure(`${P} push throughput (sessions, batches of 100, 4 devices, one instance)`, warm.rate, 'docs/s', 'info', 0,
        `${warm.published}/${half} published; push latency p50 ${warm.latency.p50} ms, p99 ${warm.latency.p99} ms; non-2xx ${warm.non2xx}; the round before it (cold): ${Math.round(cold.rate)} docs/s`),
      figure(`${P} raw transactional inserts of the same rows`, raw.perSecond, 'rows/s', 'info', 0, `${raw.rows} rows, one INSERT each, transactions of 100 (the cold round's rows: ${Math.round(rawCold.perSecond)} rows/s)`),
      figure(`${P} raw inserts ÷ push throughput (ratio)`, raw.perSecond / warm.rate, '×', '<=', 5, `cold round: ${(rawCold.perSecond / cold.rate).toFixed(2)}×`),
      figure(`${P} push throughput, the same 40 pushes over two instances (2 devices each)`, twoRate, 'docs/s', 'info', 0,
        `${onA.published + onB.published}/${half} published; one instance: ${Math.round(warm.rate)} docs/s (${(twoRate / warm.rate).toFixed(2)}×); p99 A ${onA.latency.p99} ms, B ${onB.latency.p99} ms; writes take one lock across instances (docs/DESIGN.md "Checkpoints under concurrent writers")`),
    );

    const r = await sseLoad(a.url, b.url, data, [a.child.pid!, b.child.pid!]);
    figures.push(
      figure(`${P} push on instance A → SSE delivery on instance B p99, 500 streams on B, 200 pushes/s`, r.delivery.length ? percentile(r.delivery, 99) : null, 'ms', '<=', 100, deliveryNote(r)),
      figure(`${P} push p99 latency on instance A (same load)`, percentile(r.latencies, 99), 'ms', 'info', 0, `${latencyNote(r)}; CPU of both server processes ${(r.serverLoad * 100).toFixed(0)} % of a core (PostgreSQL's own not counted)`),
    );
  } finally {
    for (const s of servers) await s.stop();
    await cluster.stop();
  }
  return figures;
}
