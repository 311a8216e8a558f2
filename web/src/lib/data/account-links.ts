import {
  accountEmailAnswerSchema, CSRF_HEADER, forgotAnswerSchema, identityProvidersSchema, invitePreviewSchema,
  type IdentityProviders, type InvitePreview,
} from '@spotter/shared';
import type { z } from 'zod';
import { HttpError, type Fetch } from './api.ts';
import { parseAnswer } from './rest.ts';

/**
 * The server calls of the pages a person opens without being signed in
 * (docs/DESIGN.md "Invitations and passwords"): "forgot password", and the links from emails. No device is
 * needed (a first visit has none), so these live beside it: plain calls, answers parsed with
 * the shared schemas. Errors: HttpError (the server refused, with its sentence), TypeError (no
 * connection), MalformedAnswerError.
 */
export function accountLinks(baseUrl = '', fetchImpl: Fetch = globalThis.fetch.bind(globalThis)) {
  async function post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    const res = await fetchImpl(baseUrl.replace(/\/$/, '') + path, {
      method: 'POST',
      // The /api/auth routes refuse requests without it (CSRF, SECURITY.md).
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
    let answer: unknown = null;
    try {
      answer = await res.json();
    } catch {
      // not JSON: a proxy's page; the status says enough below
    }
    if (!res.ok) throw new HttpError(res.status, (answer as { message?: string } | null)?.message ?? res.statusText);
    return parseAnswer(schema, path, answer);
  }
  return {
    /** The identity providers the sign-in page offers ("Sign in with Google"); none when the server has none. */
    identityProviders: async (): Promise<IdentityProviders['providers']> => {
      const path = '/api/auth/oidc';
      const res = await fetchImpl(baseUrl.replace(/\/$/, '') + path, { credentials: 'same-origin' });
      if (!res.ok) throw new HttpError(res.status, res.statusText);
      return parseAnswer(identityProvidersSchema, path, await res.json()).providers;
    },
    /** Where a "Sign in with …" link goes: the server sends the browser on to the provider. */
    providerStart: (id: string): string => `${baseUrl.replace(/\/$/, '')}/api/auth/oidc/${encodeURIComponent(id)}/start`,
    /** The same sentence whether or not the email has an account. */
    forgotPassword: async (email: string): Promise<string> => (await post('/api/auth/forgot-password', { email }, forgotAnswerSchema)).message,
    previewInvite: (token: string): Promise<InvitePreview> => post('/api/auth/invite/preview', { token }, invitePreviewSchema),
    /** Creates the account; the person then signs in with the email answered and their password. */
    acceptInvite: async (token: string, password: string): Promise<string> => (await post('/api/auth/invite/accept', { token, password }, accountEmailAnswerSchema)).email,
    resetPassword: async (token: string, password: string): Promise<string> => (await post('/api/auth/reset-password', { token, password }, accountEmailAnswerSchema)).email,
    confirmEmail: async (token: string): Promise<string> => (await post('/api/auth/confirm-email', { token }, accountEmailAnswerSchema)).email,
  };
}

export type AccountLinks = ReturnType<typeof accountLinks>;
