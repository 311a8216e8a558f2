// Generates the service worker over the static build (workbox-build at build time: docs/DESIGN.md "Offline shell").
// Run after `vite build`; writes build/sw.js, which precaches the app shell so every route
// opens offline from a cold start.
import { generateSW } from 'workbox-build';
import { fileURLToPath } from 'node:url';

const variant = process.env.SPOTTER_BUILD;
const buildDir = fileURLToPath(new URL(variant ? `../build-${variant}` : '../build', import.meta.url));

const { count, size, warnings } = await generateSW({
  globDirectory: buildDir,
  globPatterns: ['**/*.{html,js,css,png,svg,webmanifest,json,ico,woff2}'],
  // Kit polls version.json to notice a deploy: it must never come from the precache.
  globIgnores: ['_app/version.json', 'sw.js', 'workbox-*.js', 'sw-notify.js'],
  // Reminder notifications: what a click on one does (static/sw-notify.js).
  importScripts: ['/sw-notify.js'],
  swDest: `${buildDir}/sw.js`,
  // Every route is the SPA shell; the API is never served from the cache.
  navigateFallback: '/200.html',
  navigateFallbackDenylist: [/^\/api\//],
  // Hashed file names already bust caches.
  dontCacheBustURLsMatching: /^_app\/immutable\//,
  // The shell asks before swapping versions (update prompt posts SKIP_WAITING).
  skipWaiting: false,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: 'production',
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  // Exercise photos (docs/DESIGN.md "Exercise catalogue"): never precached (about 14 MB for all
  // 873 exercises). Cache-first: a photo never changes under its URL. What the coach's library
  // shows is kept as it is seen, bounded; the client's upcoming sessions put theirs in the same
  // cache ahead of time (web/src/lib/catalogue/photo-cache.ts).
  runtimeCaching: [
    {
      urlPattern: /\/catalogue\/[^/]+\/\d\.webp$/,
      handler: 'CacheFirst',
      options: {
        cacheName: 'exercise-photos',
        expiration: { maxEntries: 400, purgeOnQuotaError: true },
        cacheableResponse: { statuses: [200] },
      },
    },
  ],
});
for (const w of warnings) console.warn(w);
console.log(`service worker: ${count} files precached (${Math.round(size / 1024)} KiB)`);
