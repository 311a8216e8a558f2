import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountEmailAnswerSchema, changeEmailSchema, changePasswordSchema, deletionRequestSchema, deletionStatusSchema, devicesAnswerSchema, errorSchema, forgotAnswerSchema, forgotPasswordSchema,
  id, invitePreviewSchema, inviteRequestSchema, inviteSchema, inviteSentSchema, messageAnswerSchema, okAnswerSchema, tokenPasswordSchema, tokenRequestSchema, type DeletionStatus,
} from '@spotter/shared';
import { changePassword, confirmEmail, endDevice, listDevices, requestEmailChange } from './account.service.ts';
import { cancelDeletion, deletionStatus, requestDeletion } from './deletion.service.ts';
import { acceptInvite, cancelInvite, createInvite, listInvites, previewInvite, resendInvite } from './invites.service.ts';
import { forgotPassword, resetPassword } from './passwords.service.ts';

const linkErrors = { 400: errorSchema, 403: errorSchema, 409: errorSchema, 410: errorSchema, 429: errorSchema };

/**
 * The links a person opens from an email, and "forgot password": public (they are how a
 * person without a password gets one). Registered inside the /api/auth scope, so its CSRF
 * header rule applies (auth/routes.ts).
 */
export const accountLinkRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  const d = app.accountDeps;

  api.post('/forgot-password', {
    schema: { tags, security: [], summary: 'Email a password reset link (the same answer whether or not the email has an account)', body: forgotPasswordSchema, response: { 200: forgotAnswerSchema, 400: errorSchema, 429: errorSchema } },
  }, async (req) => forgotPassword(d, req.log, req.body.email, req.ip));

  api.post('/reset-password', {
    schema: { tags, security: [], summary: 'Set a new password with a reset link; ends every session of the person', body: tokenPasswordSchema, response: { 200: accountEmailAnswerSchema, ...linkErrors } },
  }, async (req) => resetPassword(d, req.log, req.body.token, req.body.password, req.ip));

  api.post('/invite/preview', {
    schema: { tags, security: [], summary: 'Who an invitation link invites', body: tokenRequestSchema, response: { 200: invitePreviewSchema, ...linkErrors } },
  }, async (req) => previewInvite(d, req.log, req.body.token, req.ip));

  api.post('/invite/accept', {
    schema: { tags, security: [], summary: 'Accept an invitation: the account with its password (and a client\'s assignment)', body: tokenPasswordSchema, response: { 200: accountEmailAnswerSchema, ...linkErrors } },
  }, async (req) => acceptInvite(d, req.log, req.body.token, req.body.password, req.ip));

  api.post('/confirm-email', {
    schema: { tags, security: [], summary: 'Confirm a new email with the link sent to it', body: tokenRequestSchema, response: { 200: accountEmailAnswerSchema, ...linkErrors } },
  }, async (req) => confirmEmail(d, req.log, req.body.token, req.ip));
};

const inviteParams = z.object({ id });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema };

/** Invitations and one's own account, behind sign-in (the authenticated /api scope). */
export const accountRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const d = app.accountDeps;

  api.get('/invites', { schema: { tags: ['invites'], summary: 'Open invitations: a coach\'s own, or every trainer invitation for an admin', response: { 200: z.array(inviteSchema), ...errors } } },
    async (req) => listInvites(d, req.viewer));

  api.post('/invites', {
    schema: { tags: ['invites'], summary: 'Invite a client (coach) or a trainer (admin) by email', body: inviteRequestSchema, response: { 201: inviteSentSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createInvite(d, req.log, req.viewer, req.body)));

  api.post('/invites/:id/resend', { schema: { tags: ['invites'], summary: 'A new link (7 days) for an open invitation; the old link stops working', params: inviteParams, response: { 200: inviteSentSchema, ...errors } } },
    async (req) => resendInvite(d, req.log, req.viewer, req.params.id));

  api.delete('/invites/:id', { schema: { tags: ['invites'], summary: 'Cancel an open invitation', params: inviteParams, response: { 200: okAnswerSchema, ...errors } } }, async (req) => {
    await cancelInvite(d, req.log, req.viewer, req.params.id);
    return { ok: true as const };
  });

  api.post('/account/password', { schema: { tags: ['account'], summary: 'Change one\'s password (current one required); other devices are signed out', body: changePasswordSchema, response: { 200: okAnswerSchema, ...errors } } },
    async (req) => {
      await changePassword(d, req.log, req.viewer, req.familyId, req.body, req.ip);
      return { ok: true as const };
    });

  api.post('/account/email', { schema: { tags: ['account'], summary: 'Ask to change one\'s email: a link goes to the new address', body: changeEmailSchema, response: { 200: messageAnswerSchema, ...errors } } },
    async (req) => requestEmailChange(d, req.log, req.viewer, req.body, req.ip));

  api.get('/account/devices', { schema: { tags: ['account'], summary: 'One\'s signed-in devices', response: { 200: devicesAnswerSchema, ...errors } } },
    async (req) => listDevices(d, req.viewer, req.familyId));

  api.delete('/account/devices/:id', { schema: { tags: ['account'], summary: 'Sign one of one\'s devices out', params: inviteParams, response: { 200: okAnswerSchema, ...errors } } }, async (req) => {
    await endDevice(d, req.log, req.viewer, req.params.id, req.ip);
    return { ok: true as const };
  });

  const wake = (s: DeletionStatus) => {
    if (s.pending) app.scheduler.wakeAt(Date.parse(s.pending.dueAt));
    return s;
  };
  // Deleting an account (docs/DESIGN.md "Deleting an account"): one's own (a client), or anyone's
  // but an admin's (an admin). Takes effect after the undo window; until then it can be cancelled.
  api.get('/account/deletion', { schema: { tags: ['account'], summary: 'The deletion of one\'s account waiting for its time, if any', response: { 200: deletionStatusSchema, ...errors } } },
    async (req) => deletionStatus(d, req.viewer, null));

  api.post('/account/deletion', {
    schema: { tags: ['account'], summary: 'Delete one\'s own account (a client; password required); takes effect after the undo window', body: deletionRequestSchema, response: { 202: deletionStatusSchema, ...errors } },
  }, async (req, reply) => reply.code(202).send(wake(await requestDeletion(d, req.log, req.viewer, null, req.body.password, req.ip))));

  api.delete('/account/deletion', { schema: { tags: ['account'], summary: 'Cancel the deletion of one\'s account (not one an admin asked for)', response: { 200: deletionStatusSchema, ...errors } } },
    async (req) => cancelDeletion(d, req.log, req.viewer, null, req.ip));

  api.get('/admin/people/:id/deletion', { schema: { tags: ['admin'], summary: 'The deletion of this account waiting for its time, if any (admin)', params: inviteParams, response: { 200: deletionStatusSchema, ...errors } } },
    async (req) => deletionStatus(d, req.viewer, req.params.id));

  api.post('/admin/people/:id/deletion', {
    schema: { tags: ['admin'], summary: 'Delete a client\'s or a trainer\'s account (admin; the admin\'s password required); takes effect after the undo window', params: inviteParams, body: deletionRequestSchema, response: { 202: deletionStatusSchema, ...errors } },
  }, async (req, reply) => reply.code(202).send(wake(await requestDeletion(d, req.log, req.viewer, req.params.id, req.body.password, req.ip))));

  api.delete('/admin/people/:id/deletion', { schema: { tags: ['admin'], summary: 'Cancel the deletion of an account (admin)', params: inviteParams, response: { 200: deletionStatusSchema, ...errors } } },
    async (req) => cancelDeletion(d, req.log, req.viewer, req.params.id, req.ip));
};
