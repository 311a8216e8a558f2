import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

// Files the browser must revalidate: the service worker, the SPA shell and the manifest
// decide which version runs; everything under _app/immutable/ is content-hashed.
const revalidate = new Set(['sw.js', '200.html', 'manifest.webmanifest']);

/** Serves the built PWA at / with the SPA fallback (adapter-static's 200.html). */
// Not encapsulated (fastify-plugin): the SPA fallback is the whole server's 404 handler.
export const webApp = fp<{ root: string }>(async (app, { root }) => {
  if (!existsSync(root)) {
    app.log.warn(`web app not built: ${root} is missing (npm run build)`);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: false,
    setHeaders(reply, path) {
      const name = path.slice(root.length).replace(/^[/\\]+/, '').replaceAll('\\', '/');
      if (revalidate.has(name)) reply.header('cache-control', 'no-cache');
      else if (name.startsWith('_app/immutable/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else reply.header('cache-control', 'public, max-age=0, must-revalidate');
    },
  });
  // The root is the SPA shell too (adapter-static writes 200.html, no index.html).
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('200.html'));
  app.setNotFoundHandler((req, reply) => {
    if (req.method !== 'GET' || req.url.startsWith('/api/') || !existsSync(`${root}/200.html`)) {
      return reply.code(404).send({ error: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}.` });
    }
    return reply.header('cache-control', 'no-cache').sendFile('200.html');
  });
}, { name: 'web-app' });
