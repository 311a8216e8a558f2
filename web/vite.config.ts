import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// SvelteKit 3 takes its config here (a svelte.config.js is an error, STACK.md).
// A static SPA: the sync server serves build/ with 200.html as the fallback for every route.
export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ fallback: '200.html' }),
      // Kit polls _app/version.json; the service worker excludes it from the precache so a
      // new deploy is noticed (STACK.md "Workbox with the SvelteKit build").
      version: { pollInterval: 0 },
    }),
  ],
});
