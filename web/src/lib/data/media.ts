import { BehaviorSubject, type Observable } from 'rxjs';
import { mediaRefusal, mediaUploadAnswerSchema, SNIFF_BYTES, sniffMediaType, type MediaRef, type MediaUse, type Refusal } from '@spotter/shared';
import type { Api } from './api.ts';
import type { MediaFiles } from './media-files.ts';
import type { SyncStateStore } from './sync-state.ts';

/** A file waiting to upload, as the shell and the attach control show it. */
export interface MediaUpload {
  id: string;
  type: string;
  size: number;
  /** 0..1 while sending; 0 while waiting. */
  progress: number;
  state: 'waiting' | 'sending' | 'refused';
  /** Why the server refused it (a whole sentence). */
  reason: string | null;
}

/** What showing a file found: its address on this page, or why there is none yet. */
export type MediaOpen =
  | { state: 'ready'; url: string; kept: boolean }
  /** The document arrived; its author's device has not uploaded the file yet. */
  | { state: 'uploading' }
  | { state: 'offline' }
  | { state: 'missing'; reason: string };

type Send = (url: string, blob: Blob, token: string | null, onProgress: (fraction: number) => void) => Promise<{ status: number; body: string }>;

/** XMLHttpRequest where there is one: fetch cannot report upload progress. */
const xhrSend: Send = (url, blob, token, onProgress) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    // Offline, cut, timed out: a network error, retried later from the start (docs/DESIGN.md "Media storage").
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(new TypeError('aborted'));
    xhr.ontimeout = () => reject(new TypeError('timed out'));
    xhr.send(blob);
  });

const sha256Hex = async (blob: Blob) => {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

/** An error answer's `message` and refusal `code` (shared refusals.ts), when it has them. */
const errorOf = (body: string): { message?: string; code?: string } => {
  try {
    const parsed = JSON.parse(body) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as { message?: string; code?: string }) : {};
  } catch {
    return {};
  }
};
const messageOf = (body: string, fallback: string) => errorOf(body).message ?? fallback;

export interface MediaDeps {
  api: Api;
  files: MediaFiles;
  state: SyncStateStore;
  /** Whether this tab sends uploads (the sync owner: tabs share the files). */
  isOwner: () => boolean;
  retryMs?: number;
}

/**
 * A coach's own photos and videos on the device (docs/DESIGN.md "Media storage"): `add` checks
 * a picked file (size and kind, from its bytes), hashes it and keeps it in IndexedDB; the
 * document then refers to it by that hash and syncs as usual, while the file waits in this
 * queue and is sent, one at a time, whenever the device is online. An upload cut midway is
 * sent again from the start (the server keeps nothing of a partial one, and the same bytes
 * under the same hash are harmless twice). `open` shows a file: this device's copy, else the
 * server's through the document it belongs to.
 */
export function createMedia({ api, files, state, isOwner, retryMs = 5000 }: MediaDeps) {
  const uploads = new BehaviorSubject<MediaUpload[]>([]);
  const urls = new Map<string, string>();
  let pumping: Promise<void> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const send: Send =
    typeof XMLHttpRequest === 'function'
      ? xhrSend
      : async (url, blob, token) => {
          const res = await api.fetch(url, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: blob });
          return { status: res.status, body: await res.text() };
        };

  // The upload under way, for every refresh of the list (the sweep's too).
  let current: { id: string; fraction: number } | null = null;

  async function refresh(progress = current): Promise<void> {
    const waiting = (await files.all()).filter((f) => f.upload).sort((a, b) => a.at - b.at);
    uploads.next(
      waiting.map((f) => ({
        id: f.id,
        type: f.type,
        size: f.size,
        progress: progress?.id === f.id ? progress.fraction : 0,
        state: f.refused ? 'refused' : progress?.id === f.id ? 'sending' : 'waiting',
        reason: f.refused ?? null,
      })),
    );
    state.set({ mediaPending: waiting.filter((f) => !f.refused).length });
  }

  async function sendOne(id: string): Promise<'sent' | 'refused' | 'later'> {
    const file = await files.get(id);
    if (!file?.upload) return 'sent';
    if (!api.accessToken()) await api.refresh();
    const url = api.url(`/api/media/${id}`);
    const progress = (fraction: number) => {
      current = { id, fraction };
      void refresh();
    };
    progress(0);
    let res;
    try {
      res = await send(url, file.blob, api.accessToken(), progress);
      if (res.status === 401) {
        await api.refresh();
        res = await send(url, file.blob, api.accessToken(), progress);
      }
    } finally {
      current = null;
    }
    if (res.status === 201) {
      mediaUploadAnswerSchema.parse(JSON.parse(res.body));
      // Kept as this device's copy: the coach sees it offline without downloading it again.
      await files.put({ ...file, upload: false, refused: undefined });
      return 'sent';
    }
    // A refusal says why; the file stays on the device (nothing recorded is lost). A server
    // error, a busy server or a truncated upload (400 media_truncated) is tried again.
    const { code } = errorOf(res.body);
    if (res.status >= 500 || res.status === 408 || res.status === 429 || code === 'media_truncated' || code === 'media_hash_mismatch') return 'later';
    await files.put({ ...file, refused: messageOf(res.body, `The server refused this file (${res.status}).`) });
    return 'refused';
  }

  async function pumpAll(): Promise<void> {
    for (;;) {
      // Only while connected (the live stream is up): offline, the files just wait, and coming
      // online starts this again (the subscription below).
      if (closed || !isOwner() || !state.value.user || state.value.needsSignIn || !state.value.online) return;
      const next = (await files.all()).filter((f) => f.upload && !f.refused).sort((a, b) => a.at - b.at)[0];
      if (!next) return;
      let outcome: 'sent' | 'refused' | 'later';
      try {
        outcome = await sendOne(next.id);
      } catch {
        outcome = 'later';
      }
      await refresh();
      if (outcome === 'later') {
        retry ??= setTimeout(() => {
          retry = null;
          void pump();
        }, retryMs);
        return;
      }
    }
  }

  /** Sends what waits, unless a round is already under way. */
  function pump(): Promise<void> {
    pumping ??= pumpAll().finally(() => {
      pumping = null;
    });
    return pumping;
  }

  // Coming online (the live stream connected) or signing in again sends what waits; only the
  // change does (a failed round waits for its retry, not for the next state change).
  let wasReady = false;
  const watch = state.state$.subscribe((s) => {
    const ready = s.online && !!s.user && !s.needsSignIn;
    if (ready && !wasReady) void pump();
    wasReady = ready;
  });
  // A file picked in another tab of this browser (which does not send) is found by the sending
  // tab within this time; the list and the count are read again with it.
  const sweep = setInterval(() => {
    void refresh().then(() => pump());
  }, 20_000);
  // In Node (tests, the simulation) the sweep must not keep a finished process alive.
  (sweep as { unref?: () => void }).unref?.();
  void refresh();

  return {
    /** The files waiting to upload, oldest first, with the progress of the one being sent. */
    uploads$: uploads as Observable<MediaUpload[]> & { readonly value: MediaUpload[] },

    /**
     * Keeps a picked file on the device and queues it for upload. Refused at once (and not
     * kept) when it is empty, too large or not a kind `use` shows: the refusal's sentence
     * says which; the person still has their file.
     */
    async add(blob: Blob, use: MediaUse): Promise<{ ref: MediaRef; refusal: null } | { ref: null; refusal: Refusal }> {
      const type = sniffMediaType(new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer()));
      const refused = mediaRefusal(blob.size, type, use);
      if (refused) return { ref: null, refusal: refused };
      const id = await sha256Hex(blob);
      const known = await files.get(id);
      if (!known) await files.put({ id, type: type!, size: blob.size, blob, upload: true, at: Date.now() });
      await refresh();
      void pump();
      return { ref: { id, type: type!, size: blob.size }, refusal: null };
    },

    /** Sends waiting files now (the shell's "retry", tests). */
    send: pump,

    /** Drops a refused upload from the queue (the coach chose another file). */
    async discard(id: string): Promise<void> {
      await files.delete(id);
      await refresh();
    },

    /**
     * An address for showing the file: this device's copy, else the server's, read through
     * `via` ("collection:id", the document the person sees it on).
     */
    async open(ref: MediaRef, via: string): Promise<MediaOpen> {
      const own = await files.get(ref.id);
      if (own) return { state: 'ready', url: urlFor(ref.id, own.blob), kept: true };
      const seen = urls.get(ref.id);
      if (seen) return { state: 'ready', url: seen, kept: false };
      const got = await download(ref, via);
      return 'blob' in got ? { state: 'ready', url: urlFor(ref.id, got.blob), kept: false } : got;
    },

    /** Keeps a file on the device for offline viewing (a prescribed video at the gym). */
    async keep(ref: MediaRef, via: string): Promise<MediaOpen> {
      if (await files.get(ref.id)) return { state: 'ready', url: urls.get(ref.id) ?? urlFor(ref.id, (await files.get(ref.id))!.blob), kept: true };
      const got = await download(ref, via);
      if (!('blob' in got)) return got;
      await files.put({ id: ref.id, type: ref.type, size: got.blob.size, blob: got.blob, upload: false, at: Date.now() });
      return { state: 'ready', url: urlFor(ref.id, got.blob), kept: true };
    },

    /** Forgets everything (sign-out, another person signing in). */
    async clear(): Promise<void> {
      for (const url of urls.values()) URL.revokeObjectURL?.(url);
      urls.clear();
      await files.clear();
      await refresh();
    },

    close(): void {
      closed = true;
      watch.unsubscribe();
      clearInterval(sweep);
      if (retry) clearTimeout(retry);
    },
  };

  function urlFor(id: string, blob: Blob): string {
    let url = urls.get(id);
    if (!url) {
      url = URL.createObjectURL(blob);
      urls.set(id, url);
    }
    return url;
  }

  async function download(ref: MediaRef, via: string): Promise<{ blob: Blob } | Exclude<MediaOpen, { state: 'ready' }>> {
    const path = `/api/media/${ref.id}?via=${encodeURIComponent(via)}`;
    try {
      if (!api.accessToken()) await api.refresh();
      const get = () => api.fetch(api.url(path), { headers: { authorization: `Bearer ${api.accessToken()}` } });
      let res = await get();
      if (res.status === 401) {
        await api.refresh();
        res = await get();
      }
      if (res.ok) return { blob: await res.blob() };
      const body = await res.text();
      if (res.status === 404 && errorOf(body).code === 'media_pending') return { state: 'uploading' };
      return { state: 'missing', reason: messageOf(body, 'This file could not be loaded.') };
    } catch {
      return { state: 'offline' };
    }
  }
}

export type Media = ReturnType<typeof createMedia>;
