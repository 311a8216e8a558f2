import { startTestIdp } from './idp.ts';

// The browser tests' identity provider (playwright.config.ts starts it beside the server):
// IDP_PORT, and IDP_REDIRECT_URI, the Spotter server's callback.
const idp = await startTestIdp({ port: Number(process.env.IDP_PORT) });
idp.allow(process.env.IDP_REDIRECT_URI!);
console.log(`test identity provider at ${idp.issuer}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void idp.close().then(() => process.exit(0)));
