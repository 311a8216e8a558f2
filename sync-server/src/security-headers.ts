import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Without a built web app the server answers only JSON: nothing may load at all. */
const API_ONLY = { 'default-src': ["'none'"] };

/**
 * The web app's Content-Security-Policy, exactly as SvelteKit wrote it into the built SPA
 * shell (web/vite.config.ts `csp`, with the hashes of its inline scripts). The server sends
 * the same policy as a header, so there is one source of it; a header can also carry what a
 * <meta> cannot (frame-ancestors). Read once at start: a deploy restarts the server.
 */
export function builtPolicy(webRoot: string | null | undefined): Record<string, string[]> | null {
  const shell = webRoot ? join(webRoot, '200.html') : null;
  if (!shell || !existsSync(shell)) return null;
  const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(readFileSync(shell, 'utf8'));
  if (!meta) throw new Error(`${shell} has no Content-Security-Policy <meta>: build the web app with its csp option (web/vite.config.ts)`);
  const directives: Record<string, string[]> = {};
  for (const part of meta[1]!.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name] = sources;
  }
  return directives;
}

/**
 * Security headers on every answer (@fastify/helmet; SECURITY.md "Headers"): the CSP with
 * frame-ancestors 'none' (no clickjacking), nosniff, a Referrer-Policy that sends only the
 * origin across sites (YouTube's embedded player needs that much), X-Frame-Options DENY for
 * older browsers, and HSTS only when the request came over https (directly, or per
 * X-Forwarded-Proto from a trusted proxy): sent over plain http it would be ignored at best.
 */
export async function securityHeaders(app: FastifyInstance, webRoot: string | null | undefined): Promise<void> {
  const policy = builtPolicy(webRoot) ?? API_ONLY;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...policy, 'frame-ancestors': ["'none'"] } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Cross-origin isolation would block the YouTube embeds; nothing here needs it.
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}
