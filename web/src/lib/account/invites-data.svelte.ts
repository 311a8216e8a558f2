import type { Invite, InviteRequest } from '@spotter/shared';
import type { Device } from '../data/device.ts';
import { failureText } from './needs-network.ts';

/**
 * The open invitations of a coach (their clients-to-be) or of the admins (trainers-to-be),
 * as the server lists them: they need the server (a link is a server secret), so the list is
 * fetched when the page opens and after every change; offline, the page says it needs a
 * connection, and the list comes when the connection does.
 */
export class InvitesData {
  invites = $state<Invite[] | null>(null);
  /** Why the list could not be fetched (offline, refused), or null. */
  problem = $state<string | null>(null);
  /** The last action's outcome, shown beside the list. */
  notice = $state<{ ok: boolean; text: string } | null>(null);
  busy = $state<string | null>(null);
  #device: Device;

  constructor(device: Device) {
    this.#device = device;
  }

  async load(): Promise<void> {
    try {
      this.invites = await this.#device.commands.invites();
      this.problem = null;
    } catch (e) {
      this.problem = failureText(e, 'show your open invitations');
    }
  }

  /** Sends an invitation; an error sentence to show by the form (what was typed stays), or null. */
  async invite(body: InviteRequest): Promise<string | null> {
    try {
      const { invite, mailSent } = await this.#device.commands.invite(body);
      this.notice = mailSent
        ? { ok: true, text: `Invitation sent to ${invite.email}. The link works for 7 days.` }
        : { ok: false, text: `The invitation to ${invite.email} is saved, but its email could not be sent. Use "Resend" in a moment.` };
      await this.load();
      return null;
    } catch (e) {
      return failureText(e, 'send an invitation');
    }
  }

  async resend(invite: Invite): Promise<void> {
    await this.#act(invite.id, async () => {
      const { mailSent } = await this.#device.commands.resendInvite(invite.id);
      return mailSent ? `A new link was sent to ${invite.email}; the old one no longer works.` : `The email to ${invite.email} could not be sent. Try again in a moment.`;
    }, 'resend the invitation');
  }

  async cancel(invite: Invite): Promise<void> {
    await this.#act(invite.id, async () => {
      await this.#device.commands.cancelInvite(invite.id);
      return `The invitation to ${invite.email} was cancelled; its link no longer works.`;
    }, 'cancel the invitation');
  }

  async #act(id: string, run: () => Promise<string>, what: string): Promise<void> {
    this.busy = id;
    try {
      this.notice = { ok: true, text: await run() };
      await this.load();
    } catch (e) {
      this.notice = { ok: false, text: failureText(e, what) };
    } finally {
      this.busy = null;
    }
  }
}
