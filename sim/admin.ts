import type { Assignment, BulkAssignResponse } from '@spotter/shared';
import type { Reassignment } from './oracle-devices.ts';
import { devices } from './schedule.ts';
import { login, pullAll } from './server-view.ts';

/**
 * The admin, who works online (docs/DESIGN.md "Admin: trainers and assignments"): moves a client to another coach through the
 * real REST route, POST /api/admin/assignments/bulk — the same call as the "Assign Trainer"
 * dialog. The coach's devices learn of it by sync only, possibly long after (offline), which
 * is the point: their writes for a client who is no longer theirs must be refused and kept,
 * and the client's documents must leave their devices at the next sync.
 */
const ADMIN = 'admin@demo.test';
const clientEmails = [devices.client, devices.client2, devices.client3];
const coachEmails = [devices.coachA, devices.coach2];

export interface ReassignOutcome {
  /** The move, or null when the admin's request was refused (e.g. the coach is full). */
  moved: Reassignment | null;
  status: number;
  message?: string;
}

export class Admin {
  readonly url: string;
  #ids = new Map<string, string>();

  constructor(url: string) {
    this.url = url;
  }

  /** The demo accounts' ids, as the devices' sign-ins answered them. */
  learn(email: string, id: string): void {
    this.#ids.set(email, id);
  }

  id(email: string): string {
    return this.#ids.get(email)!;
  }

  /** Moves the picked client to the picked coach, or to the other coach if that one is already theirs. */
  async reassign(n: number, pick: number, coachPick: number): Promise<ReassignOutcome> {
    const admin = await login(this.url, ADMIN);
    const relogin = async () => (await login(this.url, ADMIN)).accessToken;
    const clientId = this.id(clientEmails[pick % clientEmails.length]!);
    const { view } = await pullAll(this.url, admin.accessToken, relogin);
    const current = (view.assignments as (Assignment & { _deleted?: boolean })[]).find((a) => !a._deleted && a.clientId === clientId && a.status === 'active');
    const coaches = coachEmails.map((e) => this.id(e));
    let coachId = coaches[coachPick % coaches.length]!;
    if (coachId === current?.coachId) coachId = coaches.find((c) => c !== coachId)!;
    const res = await fetch(`${this.url}/api/admin/assignments/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await relogin()}` },
      body: JSON.stringify({ clientIds: [clientId], coachId, notes: `sim op #${n}` }),
    });
    if (!res.ok) return { moved: null, status: res.status, message: ((await res.json()) as { message?: string }).message };
    const body = (await res.json()) as BulkAssignResponse;
    return { moved: { n, clientId, from: body.ended[0]?.coachId ?? null, to: coachId }, status: res.status };
  }
}
