import type { FastifyBaseLogger } from 'fastify';
import {
  logNotice, messageNotice, sessionNotice, shouldNotify,
  type CollectionName, type Message, type Notice, type Person, type SessionLog, type TrainingSession, type Viewer, type WebPushSubscription,
} from '@spotter/shared';
import { HttpError } from '../errors.ts';
import type { Doc } from '../storage/mappers.ts';
import type { Repository } from '../storage/repository.ts';
import { endpointRefusal, type Resolve } from './endpoint.ts';
import { deliver, type Delivery } from './sender.ts';
import type { Vapid } from './vapid.ts';

/** An accepted write, as push.ts reports it: the state before (null: new) and the state written. */
export interface Written {
  before: { doc: Doc; deleted: boolean } | null;
  doc: Doc;
  deleted: boolean;
}

export interface PushServiceOptions {
  /** Origins exempt from the endpoint checks (tests' local push service). */
  allow: ReadonlySet<string>;
  log: FastifyBaseLogger;
  resolve?: Resolve;
  now?: () => Date;
}

/**
 * Web Push for the server (docs/DESIGN.md "Notifications"): saves and forgets devices'
 * subscriptions, and turns accepted writes into notices sent to the people they concern.
 * Sending happens after the write has committed and never holds up or fails it: a push
 * service that is slow, down or refusing costs the writer nothing.
 */
export class PushService {
  readonly #repo: Repository;
  readonly #vapid: Vapid;
  readonly #opts: PushServiceOptions;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(repo: Repository, vapid: Vapid, opts: PushServiceOptions) {
    this.#repo = repo;
    this.#vapid = vapid;
    this.#opts = opts;
  }

  get publicKey(): string {
    return this.#vapid.publicKey;
  }

  /** Saves this device's subscription under the person and their sign-in; a bad endpoint is a 400 with the reason. */
  async subscribe(viewer: Viewer, familyId: string | null, sub: WebPushSubscription): Promise<void> {
    const problem = await endpointRefusal(sub.endpoint, this.#opts.allow, this.#opts.resolve);
    if (problem) throw new HttpError(400, 'bad_request', `${problem} Nothing was saved.`);
    await this.#repo.savePushSubscription({ endpoint: sub.endpoint, userId: viewer.id, familyId, p256dh: sub.keys.p256dh, auth: sub.keys.auth }, new Date().toISOString());
  }

  /** Forgets one of the viewer's own endpoints (sign-out, notifications turned off). Someone else's is left alone. */
  async unsubscribe(viewer: Viewer, endpoint: string): Promise<void> {
    await this.#repo.deletePushSubscription(endpoint, viewer.id);
  }

  /** After a push or REST write committed: works out and sends its notices in the background. */
  afterWrites(collection: CollectionName, written: readonly Written[]): void {
    if (!written.length || !['sessions', 'logs', 'messages'].includes(collection)) return;
    this.#track(
      (async () => {
        for (const w of written) {
          const notice = await this.#noticeFor(collection, w);
          if (notice) await this.notify(notice);
        }
      })(),
    );
  }

  /** Resolves once every notice started so far has been sent or given up (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#inFlight.size) await Promise.allSettled([...this.#inFlight]);
  }

  /** Sends a notice to every live device of its recipient, unless their preferences say not now. */
  async notify(notice: Notice, at: Date = this.#opts.now?.() ?? new Date()): Promise<Delivery[]> {
    const recipient = await this.#repo.get('people', notice.recipientId);
    if (!recipient || recipient.deleted) return [];
    if (!shouldNotify((recipient.doc as Person).notifications, notice.kind, at)) return [];
    const subs = await this.#repo.pushSubscriptionsOf(notice.recipientId);
    const payload = { title: notice.title, body: notice.body, url: notice.url, tag: notice.tag };
    return Promise.all(
      subs.map(async (sub) => {
        // A signed-out device is not told anything, and is forgotten.
        const result: Delivery = sub.live ? await deliver(sub, payload, this.#vapid, this.#opts.allow) : 'gone';
        if (result === 'gone') await this.#repo.deletePushSubscription(sub.endpoint);
        if (result === 'failed') this.#opts.log.warn({ event: 'push_failed', userId: sub.userId }, 'push: the push service did not accept a notification');
        return result;
      }),
    );
  }

  #track(p: Promise<unknown>): void {
    const tracked = p.catch((e: unknown) => this.#opts.log.error({ err: e }, 'push: notifying failed')).finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }

  async #noticeFor(collection: CollectionName, w: Written): Promise<Notice | null> {
    const after = { doc: w.doc, deleted: w.deleted };
    if (collection === 'sessions') return sessionNotice(w.before as { doc: TrainingSession; deleted: boolean } | null, after as { doc: TrainingSession; deleted: boolean });
    if (collection === 'messages') {
      const m = w.doc as Message;
      const author = await this.#repo.get('people', m.authorId);
      return messageNotice(w.before as { doc: Message; deleted: boolean } | null, after as { doc: Message; deleted: boolean }, author ? nameOf(author.doc as Person) : 'Spotter');
    }
    const log = w.doc as SessionLog;
    const [client, session] = await Promise.all([this.#repo.get('people', log.clientId), this.#repo.get('sessions', log.sessionId)]);
    const names = { client: client ? nameOf(client.doc as Person) : 'Your client', session: session ? (session.doc as TrainingSession).title : '' };
    return logNotice(w.before as { doc: SessionLog; deleted: boolean } | null, after as { doc: SessionLog; deleted: boolean }, names);
  }
}

const nameOf = (p: Person) => p.firstName.trim() || 'Someone';
