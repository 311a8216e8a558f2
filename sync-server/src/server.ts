import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.ts';
import { seedDemoData } from './demo/seed.ts';
import { openDatabase } from './storage/db.ts';
import type { PgOptions } from './storage/pg-db.ts';
import type { Repository } from './storage/repository.ts';
import { SqliteRepository } from './storage/sqlite-repository.ts';
import type { Notifier } from './sync/notifier.ts';

export interface StartOptions extends Omit<AppOptions, 'repo'> {
  databasePath: string;
  /** postgres://…: the PostgreSQL store instead of the SQLite file (docs/DESIGN.md "Growing past one machine"). */
  databaseUrl?: string | null;
  pg?: PgOptions;
  demoData: boolean;
  port: number;
  host: string;
}

export interface Started {
  app: FastifyInstance;
  url: string;
  /** The demo accounts, when this start created them. */
  demoAccounts: { email: string; role: string; password: string }[];
  close(): Promise<void>;
}

/** Opens the database (migrating it), seeds an empty one, builds the app and listens. */
export async function startServer(opts: StartOptions): Promise<Started> {
  // Several instances on one PostgreSQL database wake each other's streams (LISTEN/NOTIFY): the
  // store announces its transactions' writes and the notifier skips its own, by this id.
  const instanceId = randomUUID();
  const repo = await openStore(opts, instanceId);
  const notifier = opts.databaseUrl ? await pgNotifier(opts.databaseUrl, instanceId) : undefined;
  const demoAccounts = opts.demoData && (await repo.isEmpty()) ? await seedDemoData(repo) : [];
  // Files live beside the SQLite file unless told otherwise (README "Configuration").
  const media = { dir: opts.media?.dir ?? join(dirname(opts.databasePath), 'media'), maxBytes: opts.media?.maxBytes };
  const app = await buildApp({ ...opts, media, repo, notifier: notifier ?? opts.notifier });
  app.addHook('onClose', async () => {
    await notifier?.close();
    await repo.close();
  });
  const address = await app.listen({ port: opts.port, host: opts.host });
  const url = opts.host === '0.0.0.0' ? `http://localhost:${new URL(address).port}` : address;
  // Links in emails point here unless PUBLIC_URL says otherwise (a port chosen at listen time in tests).
  app.accountDeps.publicUrl.value ??= url;
  return { app, url, demoAccounts, close: () => app.close() };
}

/** The store the options name: PostgreSQL with a database URL, else the SQLite file (migrated either way). */
export async function openStore(opts: Pick<StartOptions, 'databasePath' | 'databaseUrl' | 'pg'>, instanceId: string = randomUUID()): Promise<Repository> {
  if (opts.databaseUrl) {
    // Loaded only for PostgreSQL: the embedded default starts without the driver.
    const [{ openPostgres }, { PgRepository }, { announceInTransaction }] = await Promise.all([
      import('./storage/pg-db.ts'), import('./storage/pg-repository.ts'), import('./storage/pg-announce.ts'),
    ]);
    const { db, pool } = await openPostgres(opts.databaseUrl, { log: (line) => console.error(line), ...opts.pg });
    return new PgRepository(db, pool, announceInTransaction(instanceId));
  }
  const database = openDatabase(opts.databasePath);
  return new SqliteRepository(database.db, database.sqlite);
}

/** The cross-instance notifier (LISTEN/NOTIFY), listening before the server takes requests. */
async function pgNotifier(url: string, instanceId: string): Promise<Notifier & { close(): Promise<void> }> {
  const { PgNotifier } = await import('./sync/pg-notifier.ts');
  const notifier = new PgNotifier(url, (line) => console.error(line), instanceId);
  await notifier.start();
  return notifier;
}
