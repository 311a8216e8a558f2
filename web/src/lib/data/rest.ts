import {
  bulkAssignResponseSchema,
  personSchema,
  type BulkAssignRequest,
  type BulkAssignResponse,
  type NewTrainer,
  type Person,
} from '@spotter/shared';
import { newClientAnswerSchema, type NewClientAnswer } from '@spotter/shared/answers.ts';
import type { z } from 'zod';
import type { Api } from './api.ts';

/**
 * The server answered, but not with what the shared schema says it answers (a server and an
 * app out of step, a proxy's error page). What the page shows; nothing of it reaches a page.
 */
export class MalformedAnswerError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`The server's answer to ${path} could not be read (${problem}). Reload Spotter; if it keeps happening, the app and the server are out of step.`);
    this.name = 'MalformedAnswerError';
    this.path = path;
  }
}

/** Parses an answer with its shared schema; a mismatch is a MalformedAnswerError naming the first wrong field. */
export function parseAnswer<S extends z.ZodType>(schema: S, path: string, answer: unknown): z.infer<S> {
  const result = schema.safeParse(answer);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new MalformedAnswerError(path, `${issue.path.length ? issue.path.join('.') : 'the answer'}: ${issue.message}`);
}

/** An authenticated POST whose answer is parsed before anyone sees it. */
export async function post<S extends z.ZodType>(api: Api, path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  return parseAnswer(schema, path, await api.authed<unknown>(path, body));
}

/**
 * The calls that need the server at once (it must check capacity or create an account in its
 * transaction). Errors: HttpError (the server refused, with its message), TypeError (no
 * connection), MalformedAnswerError.
 */
export function createRest(api: Api) {
  return {
    /** An admin creates a coach account; the person then arrives through sync too. */
    createTrainer: (body: NewTrainer): Promise<Person> => post(api, '/api/admin/trainers', body, personSchema),
    /** Every client to one trainer, all or nothing. */
    assignClients: (body: BulkAssignRequest): Promise<BulkAssignResponse> => post(api, '/api/admin/assignments/bulk', body, bulkAssignResponseSchema),
    /** A coach adds a client: the account and the assignment. */
    addClient: (body: { email: string; firstName: string; lastName: string; password: string }): Promise<NewClientAnswer> =>
      post(api, '/api/clients', body, newClientAnswerSchema),
  };
}

export type Rest = ReturnType<typeof createRest>;
