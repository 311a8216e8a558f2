import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.ts';
import { seedDemoData } from './demo/seed.ts';
import { openDatabase } from './storage/db.ts';
import { SqliteRepository } from './storage/sqlite-repository.ts';

export interface StartOptions extends Omit<AppOptions, 'repo'> {
  databasePath: string;
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
  const database = openDatabase(opts.databasePath);
  const repo = new SqliteRepository(database.db, database.sqlite);
  const demoAccounts = opts.demoData && (await repo.isEmpty()) ? await seedDemoData(repo) : [];
  const app = await buildApp({ ...opts, repo });
  app.addHook('onClose', () => repo.close());
  const address = await app.listen({ port: opts.port, host: opts.host });
  const url = opts.host === '0.0.0.0' ? `http://localhost:${new URL(address).port}` : address;
  return { app, url, demoAccounts, close: () => app.close() };
}
