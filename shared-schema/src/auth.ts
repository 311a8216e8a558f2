import { z } from 'zod';
import { refusalCodeSchema } from './refusals.ts';
import { id, role } from './docs/common.ts';

export const loginRequestSchema = z.strictObject({
  email: z.email().max(200),
  password: z.string().min(1).max(200),
});

export const sessionUserSchema = z.strictObject({
  id,
  role,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.strictObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  user: sessionUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const refreshRequestSchema = z.strictObject({ refreshToken: z.string().min(1).max(2000) });

/** A coach adding a client (POST /api/clients): creates the account and the assignment. */
export const newClientSchema = z.strictObject({
  email: z.email().max(200),
  firstName: z.string().min(1).max(80),
  lastName: z.string().max(80),
  password: z.string().min(10, 'a password needs at least 10 characters').max(200),
});

/** Every error answer; a refused write also names its refusal code (refusals.ts). */
export const errorSchema = z.object({ error: z.string(), message: z.string(), code: refusalCodeSchema.optional() });
