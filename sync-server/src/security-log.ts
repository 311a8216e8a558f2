import type { FastifyBaseLogger } from 'fastify';

/**
 * Security events, one structured (pino) line each with an `event` field, so an operator can
 * alert on them (SECURITY.md "Security events"). Never a password or a token in the details.
 */
export type SecurityEvent =
  /** A wrong email or password. */
  | 'login_failed'
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
  | 'csrf_refused';

export function securityEvent(log: FastifyBaseLogger, event: SecurityEvent, details: Record<string, unknown>): void {
  log.warn({ event, ...details }, `security: ${event}`);
}
