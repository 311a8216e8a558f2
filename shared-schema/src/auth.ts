import { z } from 'zod';
import { refusalCodeSchema } from './refusals.ts';
import { id, role } from './docs/common.ts';
import { newPasswordSchema } from './domain/password.ts';
import { timeZoneName } from './docs/people.ts';

export const loginRequestSchema = z.strictObject({
  email: z.email().max(200),
  password: z.string().min(1).max(200),
  /**
   * The device's time zone (Intl): kept as the person's own when they have none yet, so a
   * coach's "19:00" reminder is 19:00 where the client is, before they ever open settings.
   */
  timeZone: timeZoneName.optional(),
});

export const sessionUserSchema = z.strictObject({
  id,
  role,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/**
 * A sign-in or refresh. The refresh token is not in the body: it travels only in an HttpOnly
 * cookie scoped to /api/auth, out of reach of the page's scripts (SECURITY.md "Sessions").
 */
export const loginResponseSchema = z.strictObject({
  accessToken: z.string(),
  user: sessionUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/**
 * Every POST to /api/auth must carry this header (value "1"). A cross-site form cannot set a
 * header, and a cross-site fetch that does needs a CORS preflight the server never grants:
 * with the SameSite=Strict cookie, the CSRF defence of the cookie-authenticated routes.
 */
export const CSRF_HEADER = 'x-spotter-csrf';

/** A coach adding a client (POST /api/clients): creates the account and the assignment. */
export const newClientSchema = z.strictObject({
  email: z.email().max(200),
  firstName: z.string().min(1).max(80),
  lastName: z.string().max(80),
  password: newPasswordSchema,
});

/** Every error answer; a refused write also names its refusal code (refusals.ts). */
export const errorSchema = z.object({ error: z.string(), message: z.string(), code: refusalCodeSchema.optional() });
