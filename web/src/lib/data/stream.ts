import type { StreamEvent } from '@spotter/shared';
import { streamEventSchema } from '@spotter/shared/answers.ts';
import { AuthError, type Api } from './api.ts';
import { parseAnswer } from './rest.ts';
import { SseEvents } from './sse.ts';

/**
 * The one live stream for all collections (GET /api/sync/stream: one EventSource
 * per collection would starve the browser's six connections). Read with fetch rather than
 * EventSource so the same code runs in Node tests, and so an expired token is noticed (a 401)
 * and refreshed instead of EventSource retrying the same dead URL forever.
 */
export interface LiveStream {
  close(): void;
  /** Skip the back-off wait (the browser just came back online). */
  reconnectNow(): void;
  /**
   * Drop the current connection (the browser just went offline): a connection cut by the
   * network may otherwise look open for a long while, and a fresh one starts with a RESYNC.
   */
  drop(): void;
}

export interface StreamHandlers {
  onEvent(event: StreamEvent): void;
  onOpen(): void;
  onDown(): void;
  /** The refresh token was refused: stop until the user signs in again. */
  onSignInNeeded(): void;
}

const MAX_BACKOFF_MS = 10_000;

export function openLiveStream(api: Api, handlers: StreamHandlers): LiveStream {
  let closed = false;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;
  let backoff = 500;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** Resolves true to reconnect at once (a refreshed token), false to back off first. */
  async function connectOnce(): Promise<boolean> {
    controller = new AbortController();
    // Just started: the access token lives in memory only, get one first (the cookie travels).
    if (!api.accessToken()) await api.refresh();
    const token = api.accessToken() ?? '';
    const res = await api.fetch(api.url(`/api/sync/stream?token=${encodeURIComponent(token)}`), {
      headers: { accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (res.status === 401) {
      await api.refresh(); // throws AuthError when refused
      return true;
    }
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    handlers.onOpen();
    backoff = 500;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const events = new SseEvents();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      // A malformed event ends this connection (the catch below): the next one starts with a RESYNC.
      for (const data of events.push(value)) handlers.onEvent(parseAnswer(streamEventSchema, '/api/sync/stream', JSON.parse(data)) as StreamEvent);
    }
  }

  void (async () => {
    while (!closed) {
      try {
        if (await connectOnce()) continue;
      } catch (error) {
        if (error instanceof AuthError) {
          handlers.onDown();
          handlers.onSignInNeeded();
          return;
        }
      }
      if (closed) return;
      handlers.onDown();
      await sleep(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  })();

  return {
    close() {
      closed = true;
      controller?.abort();
      wake?.();
    },
    reconnectNow() {
      backoff = 500;
      wake?.();
    },
    drop() {
      controller?.abort();
    },
  };
}
