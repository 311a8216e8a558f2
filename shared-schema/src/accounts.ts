import { z } from 'zod';
import { trainerProfileSchema } from './admin.ts';
import { id, instant } from './docs/common.ts';
import { newPasswordSchema } from './domain/password.ts';

/**
 * Accounts that run themselves (docs/DESIGN.md "Invitations and passwords"): invitations by
 * email, forgotten passwords, changing one's password and email, and one's signed-in devices.
 * The requests the server parses and the answers the web app parses, both from here.
 */

/** How long an invitation link works, and a password reset link (SECURITY.md "Account links"). */
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
export const RESET_TTL_MS = 30 * 60_000;
export const EMAIL_CHANGE_TTL_MS = 24 * 3600_000;

/**
 * The secret of an emailed link: `<id>.<secret>`, the id finds the row, the secret is compared
 * with its stored hash. Carried in the link's fragment (#…), so it never reaches a server's
 * access log or another site's Referer.
 */
export const linkToken = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'This link is not complete. Open it again from the email, all of it.');

const names = { firstName: z.string().trim().min(1).max(80), lastName: z.string().trim().max(80) };
const email = z.email().max(200);

/** POST /api/invites: a coach invites a client; an admin invites a trainer (with their profile). */
export const inviteRequestSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('client'), email, ...names }),
  z.strictObject({ role: z.literal('coach'), email, ...names, ...trainerProfileSchema.shape }),
]);
export type InviteRequest = z.infer<typeof inviteRequestSchema>;

/** An open invitation as its inviter sees it: pending, or expired (resend gives it a new link). */
export const inviteSchema = z.strictObject({
  id,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(['client', 'coach']),
  status: z.enum(['pending', 'expired']),
  sentAt: instant,
  expiresAt: instant,
});
export type Invite = z.infer<typeof inviteSchema>;

/** Creating or resending: the invitation, and whether its email went out (else: resend later). */
export const inviteSentSchema = z.strictObject({ invite: inviteSchema, mailSent: z.boolean() });
export type InviteSent = z.infer<typeof inviteSentSchema>;

/** POST /api/auth/invite/preview: who the link invites, before they choose a password. */
export const invitePreviewSchema = z.strictObject({
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(['client', 'coach']),
  invitedBy: z.string(),
  expiresAt: instant,
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

export const tokenRequestSchema = z.strictObject({ token: linkToken });
/** Accepting an invitation or resetting a password: the link's token and the new password. */
export const tokenPasswordSchema = z.strictObject({ token: linkToken, password: newPasswordSchema });
/** Accepted, reset, confirmed: the email the person now signs in with. */
export const accountEmailAnswerSchema = z.strictObject({ email: z.string() });

export const forgotPasswordSchema = z.strictObject({ email });
/** The same answer whether or not an account has this email. */
export const forgotAnswerSchema = z.strictObject({ message: z.string() });

export const changePasswordSchema = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema });
export const changeEmailSchema = z.strictObject({ password: z.string().min(1).max(200), newEmail: email });
export const messageAnswerSchema = z.strictObject({ message: z.string() });

/** A signed-in device (a token family): since when, last seen, and whether it is this one. */
export const deviceSchema = z.strictObject({
  id,
  label: z.string(),
  signedInAt: instant,
  lastSeenAt: instant,
  current: z.boolean(),
});
export type SignedInDevice = z.infer<typeof deviceSchema>;
export const devicesAnswerSchema = z.array(deviceSchema);
export const okAnswerSchema = z.strictObject({ ok: z.literal(true) });
