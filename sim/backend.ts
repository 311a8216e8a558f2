import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDatabase, dropDatabase, startPgCluster, type PgCluster } from '@spotter/sync-server/testing/pg-cluster.ts';
import { RoundRobinProxy } from './round-robin-proxy.ts';
import { readServerState, type ServerState } from './server-db.ts';
import { ServerProcess } from './server-process.ts';

/**
 * What the simulation runs against: one server on a SQLite file (the default), or — `store:
 * 'pg'` — two instances on one PostgreSQL database behind a round-robin proxy
 * (docs/DESIGN.md "Growing past one machine"). Either way the devices see one address, and
 * `kill` SIGKILLs a server process: the only one, or one of the two while the other goes on
 * serving.
 */
export interface SimBackend {
  /** The address the devices and the admin use. */
  readonly url: string;
  readonly port: number;
  /** Every server process is up. */
  readonly running: boolean;
  readonly kills: number;
  readonly output: string;
  readonly description: string;
  /** Starts whatever is down; resolves once everything serves. */
  start(): Promise<void>;
  /**
   * After a kill: starts whatever is down. One server: as start. Several: in the background,
   * while the others go on serving (the next start or kill waits for it).
   */
  resume(): Promise<void>;
  /**
   * SIGKILLs a server process, unless one is down already (a kill not yet followed by its
   * restart). With several, the one serving a push now, else each in turn.
   */
  kill(): Promise<void>;
  /** The server's whole state, read through its own repository. */
  state(): Promise<ServerState>;
  /** Stops everything and removes its data. */
  dispose(): Promise<void>;
}

export type Store = 'sqlite' | 'pg';
const PUSH_PATH = /\/push(\?|$)/;

export interface BackendOptions {
  store?: Store;
  env: Record<string, string>;
  verbose?: boolean;
}

export function startBackend(opts: BackendOptions): Promise<SimBackend> {
  return opts.store === 'pg' ? startPgBackend(opts) : startSqliteBackend(opts);
}

async function startSqliteBackend(opts: BackendOptions): Promise<SimBackend> {
  const server = await ServerProcess.start({ verbose: opts.verbose, env: opts.env });
  return {
    url: server.url,
    port: server.port,
    get running() {
      return server.running;
    },
    get kills() {
      return server.kills;
    },
    get output() {
      return server.output;
    },
    description: 'one server on SQLite',
    start: () => server.start(),
    resume: () => server.start(),
    kill: () => server.kill(),
    state: () => readServerState(server.dbPath),
    async dispose() {
      await server.stop();
      rmSync(dirname(server.dbPath), { recursive: true, force: true });
    },
  };
}

/**
 * The PostgreSQL cluster: the one of the vitest "pg" project when it runs (SPOTTER_TEST_PG),
 * else one started here in a temp folder (`npm run test:sim` with SIM_STORE=pg).
 */
async function cluster(): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  const given = process.env.SPOTTER_TEST_PG;
  if (given) return { adminUrl: given, stop: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'spotter-sim-pg-'));
  // As root PostgreSQL runs as the postgres user (pg-cluster.ts), who must reach its folder.
  chmodSync(dir, 0o755);
  const started: PgCluster = await startPgCluster({ dir: join(dir, 'data'), fresh: true, quiet: true });
  return {
    adminUrl: started.adminUrl,
    async stop() {
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startPgBackend(opts: BackendOptions): Promise<SimBackend> {
  const pg = await cluster();
  const name = `spotter_sim_${randomBytes(6).toString('hex')}`;
  const databaseUrl = await createDatabase(pg.adminUrl, name);
  // One secret for both, or each refuses the other's tokens (README "Running on PostgreSQL").
  const env = { ...opts.env, DATABASE_URL: databaseUrl, JWT_SECRET: randomBytes(32).toString('hex'), PG_POOL_MAX: '5' };
  const instances: ServerProcess[] = [];
  // One after the other: the first fills the empty database with the demo data.
  for (let i = 0; i < 2; i++) instances.push(await ServerProcess.start({ verbose: opts.verbose, env }));
  const proxy = new RoundRobinProxy(instances.map((s) => s.port));
  const port = await proxy.listen();
  let turn = 0;
  let killing: Promise<void> | null = null;
  let restarting: Promise<void> | null = null;
  const restart = () =>
    (restarting ??= (async () => {
      for (const s of instances) await s.start();
    })().finally(() => (restarting = null)));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get running() {
      return !restarting && instances.every((s) => s.running);
    },
    get kills() {
      return instances.reduce((n, s) => n + s.kills, 0);
    },
    get output() {
      return instances.map((s, i) => `--- instance ${i}\n${s.output}`).join('\n');
    },
    get description() {
      return `two server instances on PostgreSQL behind a round-robin proxy (requests answered: ${proxy.served.join(' / ')})`;
    },
    start: () => restart(),
    async resume() {
      // A restart that fails shows at the next start(), which tries again.
      restart().catch(() => undefined);
    },
    async kill() {
      // A kill still under way counts as the one down (a device's armed push and the schedule
      // both ask for it): the other instance stays up.
      if (killing) return killing;
      if (restarting) await restarting.catch(() => undefined);
      if (!instances.every((s) => s.running)) return;
      const victim = proxy.serving(PUSH_PATH) ?? turn++ % instances.length;
      killing = instances[victim]!.kill().finally(() => (killing = null));
      return killing;
    },
    state: () => readServerState(databaseUrl),
    async dispose() {
      await Promise.all(instances.map((s) => s.stop()));
      await proxy.close();
      await dropDatabase(pg.adminUrl, name).catch(() => undefined);
      await pg.stop();
    },
  };
}
