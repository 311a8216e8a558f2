import {
  deletionStatusSchema,
  devicesAnswerSchema,
  inviteSchema,
  inviteSentSchema,
  messageAnswerSchema,
  okAnswerSchema,
  type DeletionStatus,
  type Invite,
  type InviteRequest,
  type InviteSent,
  type SignedInDevice,
  bulkAssignResponseSchema,
  importAnswerSchema,
  type ImportAnswer,
  type ImportRequest,
  personSchema,
  pushKeyAnswerSchema,
  type BulkAssignRequest,
  type BulkAssignResponse,
  type NewTrainer,
  type Person,
  type WebPushSubscription,
} from '@spotter/shared';
import { z } from 'zod';
import { newClientAnswerSchema, type NewClientAnswer } from '@spotter/shared/answers.ts';
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
    /** A reviewed workout history, committed whole or not at all (docs/DESIGN.md "Import"). */
    importHistory: (body: ImportRequest): Promise<ImportAnswer> => post(api, '/api/import', body, importAnswerSchema),
    /** A coach adds a client: the account and the assignment. */
    addClient: (body: { email: string; firstName: string; lastName: string; password: string }): Promise<NewClientAnswer> =>
      post(api, '/api/clients', body, newClientAnswerSchema),
    /** The server's VAPID public key: the browser's applicationServerKey (docs/DESIGN.md "Notifications"). */
    pushKey: async (): Promise<string> => parseAnswer(pushKeyAnswerSchema, '/api/push/key', await api.authed<unknown>('/api/push/key', undefined, 'GET')).publicKey,
    /** Where this device is reached by Web Push, saved under the person and this sign-in. */
    savePushSubscription: async (subscription: WebPushSubscription): Promise<void> => {
      parseAnswer(okAnswer, '/api/push/subscriptions', await api.authed<unknown>('/api/push/subscriptions', subscription));
    },
    /** Invitations by email: a coach's to a client, an admin's to a trainer (docs/DESIGN.md "Invitations and passwords"). */
    invite: (body: InviteRequest): Promise<InviteSent> => post(api, '/api/invites', body, inviteSentSchema),
    /** The open invitations the person may resend or cancel. */
    invites: async (): Promise<Invite[]> => parseAnswer(z.array(inviteSchema), '/api/invites', await api.authed<unknown>('/api/invites', undefined, 'GET')),
    resendInvite: (id: string): Promise<InviteSent> => post(api, `/api/invites/${encodeURIComponent(id)}/resend`, undefined, inviteSentSchema),
    cancelInvite: async (id: string): Promise<void> => {
      parseAnswer(okAnswerSchema, '/api/invites', await api.authed<unknown>(`/api/invites/${encodeURIComponent(id)}`, undefined, 'DELETE'));
    },
    /** One's own password (the current one required); the server signs one's other devices out. */
    changePassword: async (currentPassword: string, newPassword: string): Promise<void> => {
      await post(api, '/api/account/password', { currentPassword, newPassword }, okAnswerSchema);
    },
    /** Asks to sign in with another email: the server answers what happens next (a link to the new address). */
    changeEmail: async (password: string, newEmail: string): Promise<string> => (await post(api, '/api/account/email', { password, newEmail }, messageAnswerSchema)).message,
    /** One's signed-in devices, this one marked `current`. */
    devices: async (): Promise<SignedInDevice[]> => parseAnswer(devicesAnswerSchema, '/api/account/devices', await api.authed<unknown>('/api/account/devices', undefined, 'GET')),
    endDevice: async (id: string): Promise<void> => {
      parseAnswer(okAnswerSchema, '/api/account/devices', await api.authed<unknown>(`/api/account/devices/${encodeURIComponent(id)}`, undefined, 'DELETE'));
    },
    /**
     * Deleting an account (docs/DESIGN.md "Deleting an account"): `personId` null is one's own
     * (a client); an admin names anyone's. Answers the deletion waiting for its time, or null.
     */
    deletionStatus: async (personId: string | null = null): Promise<DeletionStatus> =>
      parseAnswer(deletionStatusSchema, deletionPath(personId), await api.authed<unknown>(deletionPath(personId), undefined, 'GET')),
    requestDeletion: (password: string, personId: string | null = null): Promise<DeletionStatus> => post(api, deletionPath(personId), { password }, deletionStatusSchema),
    cancelDeletion: async (personId: string | null = null): Promise<DeletionStatus> =>
      parseAnswer(deletionStatusSchema, deletionPath(personId), await api.authed<unknown>(deletionPath(personId), undefined, 'DELETE')),
    /** Forgets one of this person's push endpoints (turned off, signing out). */
    deletePushSubscription: async (endpoint: string): Promise<void> => {
      parseAnswer(okAnswer, '/api/push/subscriptions', await api.authed<unknown>('/api/push/subscriptions', { endpoint }, 'DELETE'));
    },
  };
}

const okAnswer = z.object({ ok: z.literal(true) });
const deletionPath = (personId: string | null) => (personId === null ? '/api/account/deletion' : `/api/admin/people/${encodeURIComponent(personId)}/deletion`);

export type Rest = ReturnType<typeof createRest>;
