import { describe, expect, it } from 'vitest';
import { readOidcProviders } from './config.ts';

const google = { OIDC_PROVIDERS: 'google', OIDC_GOOGLE_ISSUER: 'https://accounts.google.com', OIDC_GOOGLE_CLIENT_ID: 'abc' };

describe('readOidcProviders: providers from the environment', () => {
  it('none without OIDC_PROVIDERS', () => expect(readOidcProviders({})).toEqual([]));
  it('reads one, with a label from its id and no secret (a public client)', () => {
    const [p] = readOidcProviders(google);
    expect({ ...p, issuer: p!.issuer.href }).toEqual({ id: 'google', label: 'Google', issuer: 'https://accounts.google.com/', clientId: 'abc', clientSecret: null, allowHttp: false });
  });
  it('reads several, with labels and secrets; dashes become underscores in the names', () => {
    const got = readOidcProviders({
      ...google, OIDC_PROVIDERS: 'google, gym-chain', OIDC_GOOGLE_CLIENT_SECRET: 's1',
      OIDC_GYM_CHAIN_ISSUER: 'https://id.gym.example', OIDC_GYM_CHAIN_CLIENT_ID: 'spotter', OIDC_GYM_CHAIN_LABEL: 'FitChain',
    });
    expect(got.map((p) => [p.id, p.label, p.clientSecret])).toEqual([['google', 'Google', 's1'], ['gym-chain', 'FitChain', null]]);
  });
  const refused: [string, NodeJS.ProcessEnv, RegExp][] = [
    ['a bad id', { OIDC_PROVIDERS: 'Google!' }, /not a provider id/],
    ['an id twice', { ...google, OIDC_PROVIDERS: 'google,google' }, /twice/],
    ['no issuer', { OIDC_PROVIDERS: 'google', OIDC_GOOGLE_CLIENT_ID: 'abc' }, /OIDC_GOOGLE_ISSUER is not set/],
    ['no client id', { OIDC_PROVIDERS: 'google', OIDC_GOOGLE_ISSUER: 'https://accounts.google.com' }, /OIDC_GOOGLE_CLIENT_ID is not set/],
    ['an issuer that is not a URL', { ...google, OIDC_GOOGLE_ISSUER: 'accounts.google.com' }, /not a URL/],
    ['a plain-http issuer', { ...google, OIDC_GOOGLE_ISSUER: 'http://accounts.google.com' }, /must be https/],
  ];
  it.each(refused)('stops the start on %s', (_name, env, message) => expect(() => readOidcProviders(env)).toThrow(message));
  it('allows a plain-http issuer only with OIDC_ALLOW_HTTP=1 (a test provider)', () => {
    expect(readOidcProviders({ ...google, OIDC_GOOGLE_ISSUER: 'http://127.0.0.1:9000', OIDC_ALLOW_HTTP: '1' })[0]!.allowHttp).toBe(true);
  });
});
