import type { FastifyBaseLogger } from 'fastify';
import type { RefusalCode } from '@spotter/shared';

/**
 * Security events, one structured (pino) line each with an `event` field, so an operator can
 * alert on them (SECURITY.md "Security events"). Never a password or a token in the details.
 */
export type SecurityEvent =
  /** A wrong email or password. */
  | 'login_failed'
  /** A sign-in through an identity provider (auth/oidc/routes.ts) that opened an account. */
  | 'provider_sign_in'
  /** One that did not: the reason (expired, provider, unverified, no-account, unavailable) is in the line. */
  | 'provider_sign_in_refused'
  /** A sign-in refused by the attempt limits (429). */
  | 'login_locked'
  /** A refresh token presented after its successor was used: the family was ended. */
  | 'refresh_token_reuse'
  /** An access token of an ended family (signed out, or ended by a reuse). */
  | 'revoked_session_used'
  /** A write refused because the viewer may not write there (another tenant's document). */
  | 'write_denied'
  /** A 403 from the REST API. */
  | 'access_denied'
  /** A cookie-authenticated auth route called without the CSRF header. */
  | 'csrf_refused'
  /** An invitation emailed (or resent with a new link). */
  | 'invite_sent'
  | 'invite_cancelled'
  /** An invitation's link used: the account was created. */
  | 'invite_accepted'
  /** An emailed link (invitation, reset, email change) refused: forged, used, expired or cancelled. */
  | 'account_link_refused'
  /** "Forgot password" asked (whether the email is known is in the line, never in the answer). */
  | 'password_reset_requested'
  /** A password set through a reset link: every session of the person ended. */
  | 'password_reset'
  /** A signed-in person changed their password: their other sessions ended. */
  | 'password_changed'
  /** A wrong current password when changing password or email. */
  | 'current_password_wrong'
  | 'email_change_requested'
  | 'email_changed'
  /** A person signed one of their devices out from their device list. */
  | 'session_ended'
  /** An account deletion asked for (by the person or an admin), cancelled, or carried out (docs/DESIGN.md "Deleting an account"). */
  | 'account_deletion_requested'
  | 'account_deletion_cancelled'
  | 'account_deleted';

export function securityEvent(log: FastifyBaseLogger, event: SecurityEvent, details: Record<string, unknown>): void {
  log.warn({ event, ...details }, `security: ${event}`);
}

/**
 * Refused writes that reach outside what the writer may change: someone else's documents,
 * another role's fields, ids that are not theirs. A correct device never sends these (its
 * own checks refuse them first), so they are logged as `write_denied`; the everyday refusals
 * (a due date passed, capacity) are not.
 */
const probing = new Set<RefusalCode>([
  'role_cannot_write', 'field_fixed', 'account_not_via_sync', 'account_not_deletable', 'profile_not_yours', 'admin_only_field',
  'library_only', 'exercise_not_yours', 'log_not_yours', 'not_yourself', 'system_message', 'message_not_your_client',
  'message_not_your_coach', 'session_not_yours', 'log_id', 'log_coach', 'comment_target_hidden', 'resource_not_shared',
  'rating_not_allowed', 'rating_id', 'not_found',
]);

export const looksLikeProbing = (code: RefusalCode): boolean => probing.has(code);
