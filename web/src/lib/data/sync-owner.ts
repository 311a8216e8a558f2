import { BehaviorSubject } from 'rxjs';

/**
 * Which tab of this browser syncs (docs/DESIGN.md "Tabs"). The app's tabs share one database
 * and one of them replicates. Browsers throttle hidden tabs (timers down to once a minute) and
 * freeze them, so a hidden owner would hold back what is typed in a visible tab. The owner
 * therefore says when it is hidden or frozen, and a visible tab then takes over at once: the
 * ownership is a Web Lock, taken over with `steal`. A tab that lost it queues for it again, so
 * when the owner closes, another tab syncs.
 *
 * A visible tab that becomes visible asks who owns; a visible owner answers and keeps it (two
 * windows side by side do not take it from each other); an owner that does not answer within
 * `askTimeoutMs` is frozen or gone, and the asking tab takes over.
 */
export interface SyncOwner {
  /** True while this tab syncs. */
  readonly owner$: BehaviorSubject<boolean>;
  readonly isOwner: boolean;
  /** Something was written in this tab: if it is visible and the owner is frozen or hidden, take over. */
  nudge(): void;
  dispose(): void;
}

/** A single-tab device (Node tests, the simulation, a browser without Web Locks): always the owner. */
export function soleOwner(): SyncOwner {
  const owner$ = new BehaviorSubject(true);
  return { owner$, get isOwner() { return owner$.value; }, nudge: () => undefined, dispose: () => owner$.complete() };
}

type Message = { type: 'active' | 'inactive' | 'ask'; from: string };

export function createSyncOwner(name: string, { askTimeoutMs = 1000 } = {}): SyncOwner {
  if (typeof navigator === 'undefined' || !navigator.locks || typeof BroadcastChannel === 'undefined' || typeof document === 'undefined') return soleOwner();
  const lockName = `spotter-sync-owner:${name}`;
  const me = crypto.randomUUID();
  const channel = new BroadcastChannel(lockName);
  const owner$ = new BehaviorSubject(false);
  let release: (() => void) | null = null;
  let waiting: AbortController | null = null;
  let asked: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const visible = () => document.visibilityState === 'visible';
  const post = (type: Message['type']) => channel.postMessage({ type, from: me } satisfies Message);

  function hold(): Promise<void> {
    owner$.next(true);
    post(visible() ? 'active' : 'inactive');
    return new Promise<void>((resolve) => (release = resolve));
  }

  /** Queue for the lock (granted when nobody holds it), or take it now (`steal`). */
  function request(steal: boolean): void {
    if (disposed) return;
    waiting?.abort();
    const controller = steal ? null : new AbortController();
    waiting = controller;
    const options: LockOptions = steal ? { steal: true } : { signal: controller!.signal };
    navigator.locks.request(lockName, options, hold).then(
      () => undefined,
      () => {
        // Aborted while queued (we took it instead): nothing to do. Held and stolen: lost.
        if (controller?.signal.aborted) return;
        release = null;
        owner$.next(false);
        request(false);
      },
    );
  }

  function takeOver(): void {
    if (owner$.value || disposed) return;
    request(true);
  }

  function ask(): void {
    if (owner$.value) return;
    post('ask');
    if (asked) clearTimeout(asked);
    asked = setTimeout(() => {
      asked = null;
      if (visible()) takeOver();
    }, askTimeoutMs);
  }

  channel.onmessage = (event: MessageEvent<Message>) => {
    const { type } = event.data;
    if (type === 'ask' && owner$.value) post(visible() ? 'active' : 'inactive');
    if (type === 'active' && asked) {
      clearTimeout(asked);
      asked = null;
    }
    if (type === 'inactive' && visible()) takeOver();
  };

  const onVisibility = () => {
    if (owner$.value) post(visible() ? 'active' : 'inactive');
    else if (visible()) ask();
  };
  // A frozen or closing page runs nothing more: say so while it still can.
  const onGone = () => owner$.value && post('inactive');
  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('freeze', onGone);
  window.addEventListener('pagehide', onGone);

  request(false);
  if (visible()) ask();

  return {
    owner$,
    get isOwner() {
      return owner$.value;
    },
    nudge() {
      if (!owner$.value && visible() && !asked) ask();
    },
    dispose() {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('freeze', onGone);
      window.removeEventListener('pagehide', onGone);
      if (asked) clearTimeout(asked);
      waiting?.abort();
      release?.();
      channel.close();
      owner$.next(false);
      owner$.complete();
    },
  };
}
