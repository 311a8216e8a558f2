import { defineConfig } from 'drizzle-kit';

// The PostgreSQL migrations, from the same schema (pg-tables.ts derives its tables from
// tables.ts). `npm run db:generate` at the repo root generates both; append-only once committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './sync-server/src/storage/pg-tables.ts',
  out: './drizzle-pg',
});
