/**
 * A REAL OpenID Connect provider, in process (the `oidc-provider` package), for the tests of
 * "Sign in with …" (docs/DESIGN.md "Sign in with an identity provider"): discovery, signed ID
 * tokens, authorization code + PKCE, as Google or a gym chain's provider would answer. Its
 * login page asks only for an email: `unverified+…@…` signs in with `email_verified: false`,
 * like a provider that never checked the address.
 *
 *   const idp = await startTestIdp();                       // listening: its issuer is known
 *   const server = await startTestServer({ oidc: [idp.provider('testidp')] });
 *   idp.allow(`${server.url}/api/auth/oidc/testidp/callback`); // the client's redirect address
 *   await idp.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { OidcProvider } from '../src/auth/oidc/config.ts';

export const IDP_CLIENT_ID = 'spotter';
export const IDP_CLIENT_SECRET = 'spotter-test-idp-secret';

export interface TestIdp {
  issuer: string;
  /** The server's configuration for this provider (auth/oidc/config.ts). */
  provider(id: string): OidcProvider;
  /** Registers the Spotter client with its callback address; answers 503 until then. */
  allow(redirectUri: string): void;
  close(): Promise<void>;
}

const page = (uid: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test ID</title>
<meta name="viewport" content="width=device-width"></head><body><main><h1>Sign in to Test ID</h1>
<form method="post" action="/interaction/${uid}"><label for="email">Email</label>
<input id="email" name="email" type="email" required><button type="submit">Continue</button></form></main></body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  return new URLSearchParams(raw);
}

export async function startTestIdp({ port = 0 }: { port?: number } = {}): Promise<TestIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let provider: Provider | null = null;
  let oidc: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const allow = (redirectUri: string) => {
    provider = new Provider(issuer, {
      clients: [{ client_id: IDP_CLIENT_ID, client_secret: IDP_CLIENT_SECRET, redirect_uris: [redirectUri], token_endpoint_auth_method: 'client_secret_post' }],
      pkce: { required: () => true },
      findAccount: (_ctx, id) => ({
        accountId: id,
        claims: () => ({ sub: id, email: id.replace(/^unverified\+/, ''), email_verified: !id.startsWith('unverified+') }),
      }),
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: [] },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      features: { devInteractions: { enabled: false } },
      cookies: { keys: ['spotter-test-idp-cookie-key'] },
    });
    oidc = provider.callback();
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!provider || !oidc) return void res.writeHead(503).end('not configured yet');
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) return void oidc(req, res);
    void interact(provider, match[1]!, req, res);
  });
  return {
    issuer,
    provider: (id) => ({ id, label: 'Test ID', issuer: new URL(issuer), clientId: IDP_CLIENT_ID, clientSecret: IDP_CLIENT_SECRET, allowHttp: true }),
    allow,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The login page: an email, then straight back to the client with every scope it asked for. */
async function interact(provider: Provider, uid: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(uid));
      return;
    }
    const email = (await formBody(req)).get('email') ?? '';
    const grant = new provider.Grant({ accountId: email, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: email }, consent: { grantId } }, { mergeWithLastSubmission: false });
  } catch (e) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(e instanceof Error ? e.message : String(e));
  }
}
