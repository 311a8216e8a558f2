import { CSRF_HEADER, loginResponseSchema, serverTimeHeader, timeZoneName, type HybridClock, type LoginResponse } from '@spotter/shared';
import type { SessionStore } from './session-store.ts';

/** The server refused our credentials (wrong password, or a refresh token it no longer accepts). */
export class AuthError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Any other non-2xx answer; `status` lets callers tell 4xx from 5xx. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export type Fetch = typeof globalThis.fetch;

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { message?: string };
    return body.message ?? res.statusText;
  } catch {
    return res.statusText;
  }
}

/**
 * The HTTP side of a device: login/refresh/logout and authenticated JSON calls. The access
 * token lives only in memory and the refresh token only in an HttpOnly cookie of /api/auth
 * (SECURITY.md "Sessions"): a started device has no access token yet, so its first call
 * refreshes (the cookie travels by itself). A 401 on an authenticated call refreshes once
 * (single-flight, so nine replications hitting an expired token trigger one refresh) and
 * retries; a refused refresh calls `onSignInNeeded` and throws AuthError, and the caller keeps
 * its local data.
 */
export class Api {
  readonly baseUrl: string;
  private readonly fetchImpl: Fetch;
  private readonly sessions: SessionStore;
  private readonly onSignInNeeded: () => void;
  private readonly onAccountDeleted: (() => void) | undefined;
  private refreshing: Promise<void> | null = null;
  private access: string | null = null;
  private readonly clock: HybridClock | undefined;

  /**
   * `onAccountDeleted`: the refresh was refused because the account was deleted
   * (docs/DESIGN.md "Deleting an account"); the device then drops what it holds instead of waiting for a sign-in.
   */
  constructor(opts: { baseUrl: string; fetch?: Fetch; sessions: SessionStore; onSignInNeeded: () => void; onAccountDeleted?: () => void; clock?: HybridClock }) {
    this.clock = opts.clock;
    this.baseUrl = opts.baseUrl.replace(/\/$/, '');
    const base = opts.fetch ?? globalThis.fetch.bind(globalThis);
    // Outside a browser the session store brings the cookie jar a browser would have.
    this.fetchImpl = opts.sessions.cookies ? opts.sessions.cookies.wrap(base) : base;
    this.sessions = opts.sessions;
    this.onSignInNeeded = opts.onSignInNeeded;
    this.onAccountDeleted = opts.onAccountDeleted;
  }

  get fetch(): Fetch {
    return this.fetchImpl;
  }

  url(path: string): string {
    return this.baseUrl + path;
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    // The device's zone becomes the person's if they have none (sync-server/src/auth/time-zone.ts).
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const res = await this.post('/api/auth/login', { email, password, ...(timeZoneName.safeParse(timeZone).success ? { timeZone } : {}) });
    if (res.status === 401 || res.status === 429) throw new AuthError(res.status, await errorMessage(res));
    if (!res.ok) throw new HttpError(res.status, await errorMessage(res));
    const session = (await res.json()) as LoginResponse;
    this.access = session.accessToken;
    this.sessions.save({ user: session.user });
    return session;
  }

  async logout(): Promise<void> {
    if (!this.sessions.load()) return;
    const token = this.access;
    this.access = null;
    // Best effort: ending the session on the server needs the network; signing out must not.
    // The cookie names the session; the access token too, should the cookie be gone.
    await this.post('/api/auth/logout', undefined, token).catch(() => undefined);
  }

  /** Rotates the tokens. Throws AuthError when the server refuses (the user must sign in). */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const saved = this.sessions.load();
    if (!saved) throw new AuthError(401, 'Not signed in.');
    const res = await this.post('/api/auth/refresh');
    if (res.status === 401 || res.status === 403) {
      this.access = null;
      const body = (await res.json().catch(() => null)) as { message?: string; code?: string } | null;
      if (body?.code === 'account_deleted' && this.onAccountDeleted) this.onAccountDeleted();
      else this.onSignInNeeded();
      throw new AuthError(res.status, body?.message ?? res.statusText);
    }
    if (!res.ok) throw new HttpError(res.status, await errorMessage(res));
    const session = loginResponseSchema.parse(await res.json());
    // The cookie now names someone else (a sign-in through a provider in this browser as another
    // person): their session must not carry on over this person's local data. The sign-in page
    // takes it over (adoptCookieSession), emptying the device first.
    if (session.user.id !== saved.user.id) {
      this.access = null;
      this.onSignInNeeded();
      throw new AuthError(401, 'Another person signed in on this browser.');
    }
    this.access = session.accessToken;
    this.sessions.save({ user: session.user });
  }

  /**
   * Takes over the session whose cookie the server just set, after a sign-in through an
   * identity provider (the browser comes back to `/?signin=provider` with only the cookie): the
   * same call as a refresh, answering who it is, whoever was saved before.
   */
  async adoptCookieSession(): Promise<LoginResponse> {
    const res = await this.post('/api/auth/refresh');
    if (res.status === 401 || res.status === 403) throw new AuthError(res.status, await errorMessage(res));
    if (!res.ok) throw new HttpError(res.status, await errorMessage(res));
    const session = loginResponseSchema.parse(await res.json());
    this.access = session.accessToken;
    return session;
  }

  /** The access token, in memory only (null until the first sign-in or refresh of this run). */
  accessToken(): string | null {
    return this.access;
  }

  /** JSON with the access token (POST unless told); on 401 refresh once and retry. */
  async authed<T>(path: string, body: unknown, method: 'GET' | 'POST' | 'DELETE' = 'POST'): Promise<T> {
    return (await (await this.authedResponse(path, body, method)).json()) as T;
  }

  /** A GET with the access token whose body is not JSON (a download: docs/DESIGN.md "Export"). */
  download(path: string): Promise<Response> {
    return this.authedResponse(path, undefined, 'GET');
  }

  private async authedResponse(path: string, body: unknown, method: 'GET' | 'POST' | 'DELETE'): Promise<Response> {
    // Just started: no access token yet, a request without one could only answer 401.
    if (!this.access) await this.refresh();
    let res = await this.post(path, body, this.accessToken(), method);
    // Only a refused refresh means "sign in again" (refresh() says so). A 401 right after a
    // refresh the server accepted is a token that expired on its way (a slow network, a busy
    // server, a short TTL): refresh again, a few times, then fail like any retryable error.
    for (let attempt = 0; res.status === 401 && attempt < 3; attempt++) {
      await this.refresh();
      res = await this.post(path, body, this.accessToken(), method);
    }
    if (!res.ok) throw new HttpError(res.status, await errorMessage(res));
    return res;
  }

  private async post(path: string, body?: unknown, token?: string | null, method: 'GET' | 'POST' | 'DELETE' = 'POST'): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    // The auth routes refuse requests without it (CSRF, SECURITY.md); the cookie is same-origin.
    if (path.startsWith('/api/auth/')) headers[CSRF_HEADER] = '1';
    const sentAt = this.clock?.deviceNow() ?? 0;
    const res = await this.fetchImpl(this.url(path), { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    // Every answer corrects the device's clock (the stamps of its edits) by the server's.
    const serverTime = Number(res.headers?.get?.(serverTimeHeader) ?? NaN);
    if (this.clock && serverTime > 0) this.clock.observeServerTime(serverTime, sentAt, this.clock.deviceNow());
    return res;
  }
}
