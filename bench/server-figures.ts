/**
 * Server figures on the large account: pull throughput (RxDB's own batch size, checkpoint
 * after checkpoint) and push throughput through the full path (HTTP, zod, authorization,
 * publish rules, one transaction per push) against raw transactional inserts of the very
 * same rows into the same SQLite schema.
 */
import { copyFileSync } from 'node:fs';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { addDaysTo, isPushPatch, todayLocal, type Exercise, type Person, type PushAnswer, type TrainingSession } from '@spotter/shared';
import { openDatabase } from '@spotter/sync-server/storage/db.ts';
import { BENCH_PASSWORD, COACH_EMAIL } from './generate.ts';
import { Prng } from '@spotter/sim/prng.ts';
import { figure, median, type Figure } from './report.ts';
import { api, cpuSeconds, startServerProcess, PORTS, type ServerProcess } from './server-process.ts';

const PULL_DOCS = 10_000;
export const PULL_BATCH = 1000; // web/src/lib/data/replication.ts
export const PUSH_BATCH = 100; // idem
export const PUSH_REQUESTS = 40;

export interface Login {
  accessToken: string;
  user: { id: string };
}

/** Pulls sessions then logs, as a fresh device would, until `PULL_DOCS` documents arrived. */
export async function pullOnce(url: string, token: string): Promise<{ docs: number; ms: number; bytes: number }> {
  let docs = 0;
  let bytes = 0;
  const t0 = performance.now();
  for (const collection of ['sessions', 'logs']) {
    let checkpoint: { seq: number } | null = null;
    while (docs < PULL_DOCS) {
      const res = await fetch(`${url}/api/sync/${collection}/pull`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ checkpoint, batchSize: Math.min(PULL_BATCH, PULL_DOCS - docs) }),
      });
      const text = await res.text();
      bytes += text.length;
      const page = JSON.parse(text) as { documents: unknown[]; checkpoint: { seq: number } | null };
      docs += page.documents.length;
      checkpoint = page.checkpoint;
      if (page.documents.length === 0) break;
    }
  }
  return { docs, ms: performance.now() - t0, bytes };
}

export function sessionsToPush(coach: Person, clients: string[], exercises: Exercise[], n: number): TrainingSession[] {
  const rnd = new Prng(99);
  const today = todayLocal();
  const now = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => ({
    id: rnd.uuid(Date.now() + i), coachId: coach.id, clientId: clients[i % clients.length]!, dueDate: addDaysTo(today, 1 + (i % 60)),
    title: `Pushed ${i}`, notes: '', status: 'submitted' as const, submittedAt: now, rejection: null, planId: null, createdAt: now, updatedAt: now,
    exercises: Array.from({ length: 6 }, (_, k) => ({
      id: rnd.uuid(Date.now()), exerciseId: exercises[(i + k * 5) % exercises.length]!.id, sets: 3, reps: '8-12', weight: '60 kg', restSeconds: 90, notes: '',
    })),
  }));
}

/**
 * Inserts rows the push stored, with plain prepared statements, in transactions of PUSH_BATCH,
 * into a copy of the same database (`insert` of rawDatabase). Each call is timed alone.
 */
function rawDatabase(rawDb: string) {
  const { sqlite, close } = openDatabase(rawDb); // same pragmas (WAL, synchronous NORMAL, FKs)
  let batch: ((part: Record<string, unknown>[]) => void) & { immediate(part: Record<string, unknown>[]): void };
  return {
    insert(rows: Record<string, unknown>[]): { rows: number; perSecond: number; cpuMs: number } {
      if (!batch) {
        const cols = Object.keys(rows[0]!);
        const insert = sqlite.prepare(`INSERT INTO sessions (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
        batch = sqlite.transaction((part: Record<string, unknown>[]) => {
          for (const r of part) insert.run(r);
        });
      }
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < rows.length; i += PUSH_BATCH) batch.immediate(rows.slice(i, i + PUSH_BATCH));
      const cpu = process.cpuUsage(cpu0);
      const ms = performance.now() - t0;
      return { rows: rows.length, perSecond: (rows.length / ms) * 1000, cpuMs: (cpu.user + cpu.system) / 1000 };
    },
    close,
  };
}

export interface PushRun {
  published: number;
  rate: number;
  /** performance.now() of the first request and of the last answer. */
  startedAt: number;
  endedAt: number;
  cpuMs: number;
  latency: { p50: number; p99: number };
  non2xx: number;
}

/** PUSH_REQUESTS pushes of PUSH_BATCH sessions from `docs`, 4 connections (or as given); rate to the last answer. */
export async function pushRun(server: ServerProcess, token: string, docs: TrainingSession[], opts: { connections?: number; requests?: number } = {}): Promise<PushRun> {
  let next = 0;
  let published = 0;
  let lastResponse = 0;
  const t0 = performance.now();
  const serverCpu0 = cpuSeconds(server.child.pid!);
  const result = await autocannon({
    url: server.url,
    connections: opts.connections ?? 4,
    amount: opts.requests ?? PUSH_REQUESTS,
    requests: [{
      method: 'POST',
      path: '/api/sync/sessions/push?answer=patch', // as the web app asks (replication.ts)
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      setupRequest: (req: any) => {
        const part = docs.slice(next * PUSH_BATCH, ++next * PUSH_BATCH);
        return { ...req, body: JSON.stringify(part.map((d) => ({ assumedMasterState: null, newDocumentState: { ...d, _deleted: false } }))) };
      },
      onResponse: (status: number, body: string) => {
        lastResponse = performance.now();
        // Each accepted submit comes back once, as the fields the server set (published).
        if (status === 200) published += (JSON.parse(body) as PushAnswer).filter((d) => (isPushPatch(d) ? d._patch : d).status === 'published').length;
      },
    }],
  });
  // Until the last answer: autocannon itself only notices it is done at its next 1 s tick.
  // CPU: the server's own time for these pushes (the idle tail until that tick costs none);
  // unlike wall clock, it hardly moves with what else the 2 cores run (bench/README.md).
  return {
    published,
    rate: (published / (lastResponse - t0)) * 1000,
    startedAt: t0,
    endedAt: lastResponse,
    cpuMs: (cpuSeconds(server.child.pid!) - serverCpu0) * 1000,
    latency: result.latency,
    non2xx: result.non2xx,
  };
}

export async function serverFigures(baseDb: string, workDir: string): Promise<Figure[]> {
  const dbPath = `${workDir}/server.db`;
  const rawPath = `${workDir}/raw.db`;
  copyFileSync(baseDb, dbPath);
  copyFileSync(baseDb, rawPath);
  const base = new Database(baseDb, { readonly: true });
  const seqBefore = (base.prepare('SELECT max(seq) AS seq FROM sessions').get() as { seq: number }).seq;
  base.close();
  const server = await startServerProcess(dbPath, PORTS.server);
  const figures: Figure[] = [];
  try {
    const coach = await api<Login>(server.url, null, '/api/auth/login', { email: COACH_EMAIL, password: BENCH_PASSWORD });
    const token = coach.accessToken;

    await pullOnce(server.url, token); // warm-up: JIT, SQLite page cache
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await pullOnce(server.url, token));
    const rates = runs.map((r) => (r.docs / r.ms) * 1000);
    figures.push(figure(`server: pull of 10,000 documents in batches of ${PULL_BATCH}`, median(rates), 'docs/s', '>=', 20_000,
      `median of 3 runs (${rates.map((r) => Math.round(r)).join(', ')}); ${(runs[0]!.bytes / 1e6).toFixed(1)} MB of JSON per run`));

    // Push: new sessions submitted for publishing (the full publish path), 4 devices at once.
    const me = await api<{ id: string } & Person>(server.url, token, '/api/me');
    const people = await api<{ documents: Person[] }>(server.url, token, '/api/sync/people/pull', { checkpoint: null, batchSize: 1000 });
    const clients = people.documents.filter((p) => p.role === 'client').map((p) => p.id);
    const library = await api<{ documents: Exercise[] }>(server.url, token, '/api/sync/exercises/pull', { checkpoint: null, batchSize: 1000 });
    // Two rounds of 40 pushes of distinct new sessions: the first on a server that has only
    // served pulls (V8 still compiling the push path), the second warm — the throughput a
    // running server sustains, and the figure; the pull figure is warmed up the same way.
    const docs = sessionsToPush(me, clients, library.documents, 2 * PUSH_BATCH * PUSH_REQUESTS);
    const half = PUSH_BATCH * PUSH_REQUESTS;
    const cold = await pushRun(server, token, docs.slice(0, half));
    const warm = await pushRun(server, token, docs.slice(half));
    await server.stop();
    const source = new Database(dbPath, { readonly: true });
    const rows = source.prepare('SELECT * FROM sessions WHERE seq > ? ORDER BY seq').all(seqBefore) as Record<string, unknown>[];
    source.close();
    const rawDb = rawDatabase(rawPath);
    const rawCold = rawDb.insert(rows.slice(0, half));
    const raw = rawDb.insert(rows.slice(half));
    rawDb.close();
    const pushed = docs.length / 2;
    figures.push(figure('server: push throughput (sessions, batches of 100, 4 devices)', warm.rate, 'docs/s', 'info', 0,
      `${warm.published}/${pushed} published; push latency p50 ${warm.latency.p50} ms, p99 ${warm.latency.p99} ms; non-2xx ${warm.non2xx}; ` +
        `the round before it (cold): ${Math.round(cold.rate)} docs/s, ${cold.published}/${pushed} published`));
    figures.push(figure('server: raw transactional inserts of the same rows', raw.perSecond, 'rows/s', 'info', 0,
      `${raw.rows} rows, transactions of 100 (the cold round's rows: ${Math.round(rawCold.perSecond)} rows/s)`));
    figures.push(figure('server: raw inserts ÷ push throughput (ratio)', raw.perSecond / warm.rate, '×', '<=', 5,
      `cold round: ${(rawCold.perSecond / cold.rate).toFixed(2)}×`));
    figures.push(figure('server: push ÷ raw inserts, CPU time (ratio)', warm.cpuMs / raw.cpuMs, '×', 'info', 0,
      `server ${warm.cpuMs.toFixed(0)} ms CPU for ${warm.published} pushed sessions (HTTP, JSON, zod, rules, SQLite; 10 ms resolution), ` +
        `raw inserts ${raw.cpuMs.toFixed(0)} ms for ${raw.rows} rows; cold round: ${(cold.cpuMs / rawCold.cpuMs).toFixed(2)}× (${cold.cpuMs.toFixed(0)} / ${rawCold.cpuMs.toFixed(0)} ms)`));
  } finally {
    await server.stop();
  }
  return figures;
}
