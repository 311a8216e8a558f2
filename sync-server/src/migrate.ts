import { describeUrl, readConfig } from './config.ts';
import { openStore } from './server.ts';

// `npm run db:migrate`: brings the configured database (DATABASE_URL, else the SQLite file at
// DATABASE_PATH) to the latest migration and exits. The server also does this at every start.
const config = readConfig();
const repo = await openStore(config);
await repo.close();
console.log(`Migrated ${config.databaseUrl ? `PostgreSQL ${describeUrl(config.databaseUrl)}` : config.databasePath}.`);
