import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Refusal, RefusalCode } from '@spotter/shared';
import { ZodError, type core } from 'zod';
import { securityEvent } from './security-log.ts';
import { StorageUnavailable } from './storage/errors.ts';

/** An error with a status and a message meant for the caller (4xx); a refused write also has its refusal code. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly error: string;
  readonly code: RefusalCode | undefined;
  constructor(statusCode: number, error: string, message: string, code?: RefusalCode) {
    super(message);
    this.statusCode = statusCode;
    this.error = error;
    this.code = code;
  }
}

export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);
/** A refused write over REST: the refusal's code and sentence (shared refusals.ts). */
export const refused = (status: 403 | 409, r: Refusal) => new HttpError(status, status === 403 ? 'forbidden' : 'conflict', r.message, r.code);

/** "title: Too big…; exercises.0.sets: …" — names every field that failed, so a 400 is actionable. */
export function describeIssues(issues: readonly core.$ZodIssue[], prefix = ''): string {
  return issues
    .map((i) => {
      const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}

const STORAGE_MESSAGE = 'The server could not save this change: its storage is full, read-only or failing. Nothing was saved; your device keeps the change and will send it again.';


/**
 * The one error handler: 4xx answers say what was wrong, 5xx answers hide details (they are
 * logged). Every error body is `{ error, message }`, and a refused write's also has its `code`.
 */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof HttpError && err.statusCode === 403) securityEvent(request.log, 'access_denied', { userId: request.viewer?.id, url: request.url, reason: err.message });
  if (err instanceof HttpError) return reply.code(err.statusCode).send({ error: err.error, message: err.message, ...(err.code ? { code: err.code } : {}) });
  if (err instanceof ZodError) return reply.code(400).send({ error: 'bad_request', message: describeIssues(err.issues) });
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const message = err.validation.map((v) => `${[where, ...v.instancePath.split('/').filter(Boolean)].join('.')}: ${v.message}`).join('; ');
    return reply.code(400).send({ error: 'bad_request', message });
  }
  const status = err.statusCode ?? 500;
  if (status === 413) return reply.code(413).send({ error: 'payload_too_large', message: 'The request body is too large.' });
  if (status < 500) {
    const message = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? `The body is not valid JSON: ${err.message}` : err.message;
    return reply.code(status).send({ error: status === 429 ? 'too_many_requests' : 'bad_request', message });
  }
  request.log.error(err);
  if (err instanceof StorageUnavailable) {
    // The transaction was rolled back: nothing was saved. Say so plainly (a 503 the device
    // retries), not as an unexplained 500 (docs/DESIGN.md "Nothing is lost").
    return reply.code(503).header('retry-after', '30').send({ error: 'storage_unavailable', message: STORAGE_MESSAGE });
  }
  return reply.code(500).send({ error: 'internal', message: 'Something went wrong on the server.' });
}
