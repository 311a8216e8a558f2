import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// SvelteKit 3 takes its config here (a svelte.config.js is an error there).
// A static SPA: the sync server serves build/ with 200.html as the fallback for every route.
// SPOTTER_BUILD=<name> builds into build-<name>/ (and its own .svelte-kit-<name>/), so several
// engineers or benchmarks can build and serve side by side; the default is build/.
const variant = process.env.SPOTTER_BUILD;
const pages = variant ? `build-${variant}` : 'build';

export default defineConfig({
  // SPOTTER_NO_MINIFY=1: readable function names in CPU profiles (npm run bench with BENCH_PROFILE=1).
  ...(process.env.SPOTTER_NO_MINIFY === '1' ? { build: { minify: false } } : {}),
  plugins: [
    sveltekit({
      adapter: adapter({ fallback: '200.html', pages, assets: pages }),
      ...(variant ? { outDir: `.svelte-kit-${variant}` } : {}),
      // Kit polls _app/version.json; the service worker excludes it from the precache so a
      // new deploy is noticed (docs/DESIGN.md "Offline shell").
      version: { pollInterval: 0 },
      // Content-Security-Policy (SECURITY.md "Headers"): Kit adds the hashes of the inline
      // scripts it writes into the HTML (a <meta http-equiv>), and the server sends the same
      // policy as a header, plus what a meta tag cannot carry (frame-ancestors). No inline
      // script runs without its hash; inline styles are allowed (app.html, Svelte's style
      // directives), they cannot run code.
      csp: {
        mode: 'hash',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self', 'unsafe-inline'],
          // blob: a coach's own photos and videos are shown from the device's copy (docs/DESIGN.md "Media storage").
          'img-src': ['self', 'data:', 'blob:'],
          'media-src': ['self', 'blob:'],
          'font-src': ['self'],
          // The API and the SSE stream are same-origin.
          'connect-src': ['self'],
          // The workbox service worker (sw.js).
          'worker-src': ['self'],
          'manifest-src': ['self'],
          // Exercise videos a coach links are embedded privacy-enhanced.
          'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
        },
      },
    }),
  ],
});
