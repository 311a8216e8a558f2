import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DELETION_UNDO_MS } from '@spotter/shared/deletion.ts';
import { MEDIA_MAX_BYTES } from '@spotter/shared/docs/media.ts';
import { readOidcProviders, type OidcProvider } from './auth/oidc/config.ts';
import { parseAllowList } from './push/endpoint.ts';

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** DATABASE_URL (postgres://…): PostgreSQL instead of the SQLite file at databasePath. */
  databaseUrl: string | null;
  pg: { poolMax: number; statementTimeoutMs: number; waitSeconds: number };
  demoData: boolean;
  jwtSecret: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  webRoot: string;
  /** Fastify trustProxy: false, or the proxy addresses (README "Running behind https"). */
  trustProxy: false | string;
  /** Web Push (docs/DESIGN.md "Notifications"): VAPID keys from the environment, else kept in the database. */
  push: { vapid: { publicKey?: string; privateKey?: string; subject?: string }; allow: ReadonlySet<string> };
  /** A coach's own media (docs/DESIGN.md "Media storage"): its folder and the largest upload in bytes. */
  media: { dir: string; maxBytes: number };
  /**
   * Email (README "Email"): SMTP_URL and MAIL_FROM send over SMTP; without SMTP_URL, mail is
   * kept as text files in `outboxDir` (OUTBOX_DIR, default: an `outbox` folder beside the database).
   */
  mail: { smtp: { url: string; from: string } | null; outboxDir: string };
  /** PUBLIC_URL: the web app's origin for links in emails; default http://localhost:PORT. */
  publicUrl: string;
  /** The scheduler (docs/DESIGN.md "The scheduler"): how often it looks for due jobs (SCHEDULER_TICK_MS; 0: never). */
  scheduler: { tickMs: number | null };
  /** How long an account deletion can be cancelled (ACCOUNT_DELETION_UNDO_MS; docs/DESIGN.md "Deleting an account"). */
  deletionUndoMs: number;
  /** Sign-in with identity providers (OIDC_PROVIDERS, auth/oidc/config.ts). */
  oidc: OidcProvider[];
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

/**
 * Without JWT_SECRET, a secret is generated once and kept next to the database, so tokens
 * survive a restart (a device signed in stays signed in).
 */
function secretFor(databasePath: string): string {
  const file = join(dirname(databasePath), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * TRUST_PROXY: whose X-Forwarded-For / X-Forwarded-Proto to believe. Unset: nobody (the
 * server faces the clients itself); otherwise the proxies' addresses, CIDR ranges or
 * `loopback`, comma-separated. Believing everyone would let any client pick its own address
 * for the sign-in limits and claim https.
 */
const trustProxy = (raw: string | undefined): false | string => raw?.trim() || false;

/** The database a URL names, without its password, for messages. */
export const describeUrl = (url: string) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
};

function databaseUrl(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  if (!/^postgres(ql)?:\/\//.test(raw.trim())) throw new Error(`DATABASE_URL must be a postgres:// URL (without it, the SQLite file at DATABASE_PATH is used), got "${raw.split('@').pop()}"`);
  return raw.trim();
}

function smtpUrl(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  if (!/^smtps?:\/\//.test(raw.trim())) throw new Error(`SMTP_URL must be an smtp:// or smtps:// URL, got "${raw.split('@').pop()}"`);
  return raw.trim();
}

function publicUrl(raw: string | undefined, port: number): string {
  if (!raw?.trim()) return `http://localhost:${port}`;
  const url = new URL(raw.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must be an http(s) URL, got "${raw}"`);
  return url.origin;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databasePath = resolve(env.DATABASE_PATH || './data/spotter.db');
  const port = int(env, 'PORT', 8787);
  const smtp = smtpUrl(env.SMTP_URL);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databasePath,
    databaseUrl: databaseUrl(env.DATABASE_URL),
    pg: { poolMax: int(env, 'PG_POOL_MAX', 10), statementTimeoutMs: int(env, 'PG_STATEMENT_TIMEOUT_MS', 15_000), waitSeconds: int(env, 'PG_WAIT_SECONDS', 60) },
    demoData: env.DEMO_DATA !== '0' && env.DEMO_DATA !== 'false',
    jwtSecret: env.JWT_SECRET || secretFor(databasePath),
    accessTokenTtl: int(env, 'ACCESS_TOKEN_TTL', 300),
    refreshTokenTtl: int(env, 'REFRESH_TOKEN_TTL', 30 * 24 * 3600),
    webRoot: resolve(env.WEB_ROOT || join(repoRoot, 'web/build')),
    trustProxy: trustProxy(env.TRUST_PROXY),
    push: {
      vapid: { publicKey: env.VAPID_PUBLIC_KEY || undefined, privateKey: env.VAPID_PRIVATE_KEY || undefined, subject: env.VAPID_SUBJECT || undefined },
      // Only for a local push service in tests: these origins skip the https and public-address checks.
      allow: parseAllowList(env.PUSH_ENDPOINT_ALLOWLIST),
    },
    media: { dir: resolve(env.MEDIA_DIR || join(dirname(databasePath), 'media')), maxBytes: int(env, 'MEDIA_MAX_BYTES', MEDIA_MAX_BYTES) },
    mail: {
      smtp: smtp ? { url: smtp, from: env.MAIL_FROM || 'Spotter <no-reply@localhost>' } : null,
      outboxDir: resolve(env.OUTBOX_DIR || join(dirname(databasePath), 'outbox')),
    },
    publicUrl: publicUrl(env.PUBLIC_URL, port),
    scheduler: { tickMs: int(env, 'SCHEDULER_TICK_MS', 30_000) || null },
    deletionUndoMs: int(env, 'ACCOUNT_DELETION_UNDO_MS', DELETION_UNDO_MS),
    oidc: readOidcProviders(env),
  };
}
