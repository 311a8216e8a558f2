import { expandPushAnswer } from '@spotter/shared';
import { SseEvents } from '@spotter/web/lib/data/sse.ts';
import type { KillMode } from '../schedule.ts';

/**
 * The device's fetch, wrapped. It observes every push and its answer (the parent's oracle
 * needs to know what the server acknowledged), and injects the faults that live on the wire:
 * a push replayed verbatim (duplicate delivery), pulls answered late (so a live-stream event
 * overtakes them), and the server killed around a push.
 */
type Fetch = typeof globalThis.fetch;
type Doc = Record<string, unknown>;

export interface PushRecord {
  collection: string;
  rows: { assumedMasterState?: Doc | null; newDocumentState: Doc }[];
  /** The server's answer: conflicting/refused documents (a compact answer expanded). */
  answer: Doc[];
  /**
   * delivered: the device got the answer; lost: committed but the answer never reached it
   * (the server died, or the app that sent it was closed before it came back); replay.
   */
  how: 'delivered' | 'lost' | 'replay';
}

const pushPath = /\/api\/sync\/([a-z]+)\/push$/;
const pullPath = /\/api\/sync\/([a-z]+)\/pull$/;
const refreshPath = '/api/auth/refresh';

/** Token events the parent counts: an access token the server found expired, a refresh made. */
export type AuthEvent = 'expired' | 'refresh' | 'refreshLost';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Tap {
  #base: Fetch;
  #report: (rec: PushRecord) => void;
  #kill: () => Promise<void>;
  #auth: (e: AuthEvent) => void;
  #recent: { url: string; init: RequestInit }[] = [];
  killMode: KillMode | null = null;
  pullDelays: number[] = [];
  /** SIM_TRACE=1: every pulled page. */
  onPull: ((collection: string, docs: Doc[]) => void) | null = null;
  /**
   * Per document id, how it last reached this device from the server (pull or stream):
   * with a failed run, it tells whether a document the device should have dropped ever came.
   */
  readonly received = new Map<string, string[]>();
  /** Per collection, its last pulls and stream events (asked from → answered up to, documents). */
  readonly traffic = new Map<string, string[]>();
  /** Resolves when an armed kill has fired. */
  killFired: Promise<void> = Promise.resolve();
  #fireKill: () => void = () => undefined;
  /** Counts the app's closes (reopen, wipe): an answer to a closed app reaches nobody. */
  #generation = 0;

  constructor(base: Fetch, report: (rec: PushRecord) => void, kill: () => Promise<void>, auth: (e: AuthEvent) => void = () => undefined) {
    this.#base = base;
    this.#report = report;
    this.#kill = kill;
    this.#auth = auth;
  }

  /**
   * The app is closing. In a browser a closed page runs nothing: the answers to its requests
   * still on the wire are never processed. Here the process lives on, so they are dropped.
   */
  closed(): void {
    this.#generation++;
  }

  arm(mode: KillMode): void {
    this.killMode = mode;
    this.killFired = new Promise((r) => (this.#fireKill = r));
  }

  fetch: Fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url).pathname;
    const push = pushPath.exec(path);
    if (push && init && typeof init.body === 'string') return this.#push(push[1]!, url, init);
    if (path === refreshPath) return this.#refresh(input, init);
    const res = await this.#base(input, init);
    if (res.status === 401) this.#auth('expired');
    const pull = pullPath.exec(path);
    if (pull && res.ok) {
      const page = (await res.clone().json().catch(() => null)) as { documents?: Doc[]; checkpoint?: { seq?: number } } | null;
      this.#note('pull', page?.documents ?? [], page?.checkpoint?.seq);
      const asked = typeof init?.body === 'string' ? (JSON.parse(init.body) as { checkpoint?: unknown }).checkpoint : undefined; // the data layer's pull body: JSON
      this.#log(pull[1]!, `pull ${JSON.stringify(asked)} → ${JSON.stringify(page?.checkpoint)} ${page?.documents?.length ?? 0} docs`);
      this.onPull?.(pull[1]!, page?.documents ?? []);
    }
    if (path === '/api/sync/stream' && res.ok && res.body) return this.#tapStream(res);
    if (pullPath.test(new URL(url).pathname) && this.pullDelays.length) {
      // Hold the answer: pushes, other pulls and stream events of this device overtake it.
      await res.clone().arrayBuffer();
      await sleep(this.pullDelays.shift()!);
    }
    return res;
  };

  #log(collection: string, line: string): void {
    const list = this.traffic.get(collection) ?? [];
    list.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    this.traffic.set(collection, list.slice(-80));
  }

  #note(via: string, docs: readonly Doc[], seq: number | undefined): void {
    const at = `${via}${docs.at(-1) && seq !== undefined ? `@${seq}` : ''} ${new Date().toISOString().slice(11, 23)}`;
    for (const d of docs) {
      const list = this.received.get(String(d.id)) ?? [];
      list.push(`${d._deleted ? 'deleted' : 'live'} by ${at}`);
      this.received.set(String(d.id), list.slice(-4));
    }
  }

  /** The live stream, read as it passes to the app: its events' documents are noted too. */
  #tapStream(res: Response): Response {
    const events = new SseEvents();
    const note = (chunk: string) => {
      for (const data of events.push(chunk)) {
        try {
          const event = JSON.parse(data) as { documents?: Doc[]; checkpoint?: { seq?: number } } | string;
          if (typeof event === 'object') this.#note('stream', event.documents ?? [], event.checkpoint?.seq);
          if (typeof event === 'object') this.#log((event as { collection?: string }).collection ?? '?', `stream → ${JSON.stringify(event.checkpoint)} ${event.documents?.length ?? 0} docs`);
          else this.#log('*', `stream ${event}`);
        } catch {
          // not JSON: the app's own parser reports it
        }
      }
    };
    const decoder = new TextDecoder();
    const body = res.body!.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          note(decoder.decode(chunk, { stream: true }));
          out.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  }

  async #push(collection: string, url: string, init: RequestInit): Promise<Response> {
    this.#recent.push({ url, init });
    if (this.#recent.length > 10) this.#recent.shift();
    // A refresh kill waits for the next refresh; every other mode fires on this push.
    const mode = this.killMode === 'refresh' ? null : this.killMode;
    if (mode) this.killMode = null;
    const killNow = async () => {
      await this.#kill();
      this.#fireKill();
    };
    if (mode === 'before') await killNow();
    const generation = this.#generation;
    const pending = this.#base(url, init);
    const racing = mode === 'during' ? killNow() : null;
    try {
      const res = await pending;
      if (res.status === 401) this.#auth('expired');
      const text = await res.clone().text();
      if (generation !== this.#generation) {
        if (res.ok) this.#record(collection, init, text, 'lost');
        throw new TypeError('fetch failed: the app was closed before its answer came back');
      }
      if (mode === 'after') {
        await killNow();
        if (res.ok) this.#record(collection, init, text, 'lost');
        throw new TypeError('fetch failed: the server died before its answer left');
      }
      if (res.ok) this.#record(collection, init, text, 'delivered');
      return res;
    } finally {
      await racing;
    }
  }

  /** A token refresh; armed with 'refresh', the server dies after committing it, before answering. */
  async #refresh(input: Parameters<Fetch>[0], init: RequestInit | undefined): Promise<Response> {
    const res = await this.#base(input, init);
    if (this.killMode !== 'refresh') {
      this.#auth('refresh');
      return res;
    }
    this.killMode = null;
    await res.clone().text();
    await this.#kill();
    this.#fireKill();
    this.#auth('refreshLost');
    throw new TypeError('fetch failed: the server died before the refreshed tokens left');
  }

  #record(collection: string, init: RequestInit, answer: string, how: PushRecord['how']): void {
    try {
      const rows = JSON.parse(String(init.body));
      // The device asks for the compact answer (shared PushPatch); the oracle needs the states.
      this.#report({ collection, rows, answer: expandPushAnswer(rows, JSON.parse(answer)), how });
    } catch {
      // a 200 that is not JSON is reported by the parent's invariants as a missing write
    }
  }

  /** Sends one recent push again, byte for byte. The device never sees the answer. */
  async replay(pick: number): Promise<boolean> {
    if (this.#recent.length === 0) return false;
    const { url, init } = this.#recent[pick % this.#recent.length]!;
    const collection = pushPath.exec(new URL(url).pathname)![1]!;
    try {
      const res = await this.#base(url, init);
      if (res.ok) this.#record(collection, init, await res.text(), 'replay');
      return true;
    } catch {
      return false; // offline or server down: nothing was delivered twice
    }
  }
}
