import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` at the repo root. Migrations in drizzle/ are append-only once committed.
export default defineConfig({
  dialect: 'sqlite',
  schema: './sync-server/src/storage/tables.ts',
  out: './drizzle',
});
