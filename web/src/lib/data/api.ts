import { serverTimeHeader, type HybridClock, type LoginResponse } from '@spotter/shared';
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
 * The HTTP side of a device: login/refresh/logout and authenticated JSON calls. A 401 on an
 * authenticated call refreshes the access token once (single-flight, so nine replications
 * hitting an expired token trigger one refresh) and retries; a refused refresh calls
 * `onSignInNeeded` and throws AuthError, and the caller keeps its local data.
 */
export class Api {
  readonly baseUrl: string;
  private readonly fetchImpl: Fetch;
  private readonly sessions: SessionStore;
  private readonly onSignInNeeded: () => void;
  private refreshing: Promise<void> | null = null;
  private readonly clock: HybridClock | undefined;

  constructor(opts: { baseUrl: string; fetch?: Fetch; sessions: SessionStore; onSignInNeeded: () => void; clock?: HybridClock }) {
    this.clock = opts.clock;
    this.baseUrl = opts.baseUrl.replace(/\/$/, '');
    this.fetchImpl = opts.fetch ?? globalThis.fetch.bind(globalThis);
    this.sessions = opts.sessions;
    this.onSignInNeeded = opts.onSignInNeeded;
  }

  get fetch(): Fetch {
    return this.fetchImpl;
  }

  url(path: string): string {
    return this.baseUrl + path;
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status === 401 || res.status === 429) throw new AuthError(res.status, await errorMessage(res));
    if (!res.ok) throw new HttpError(res.status, await errorMessage(res));
    const session = (await res.json()) as LoginResponse;
    this.sessions.save(session);
    return session;
  }

  async logout(): Promise<void> {
    const session = this.sessions.load();
    if (!session) return;
    // Best effort: revoking the refresh token needs the network; signing out must not.
    await this.post('/api/auth/logout', { refreshToken: session.refreshToken }, session.accessToken).catch(() => undefined);
  }

  /** Rotates the tokens. Throws AuthError when the server refuses (the user must sign in). */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const session = this.sessions.load();
    if (!session) throw new AuthError(401, 'Not signed in.');
    const res = await this.post('/api/auth/refresh', { refreshToken: session.refreshToken });
    if (res.status === 401 || res.status === 403) {
      this.onSignInNeeded();
      throw new AuthError(res.status, await errorMessage(res));
    }
    if (!res.ok) throw new HttpError(res.status, await errorMessage(res));
    this.sessions.save((await res.json()) as LoginResponse);
  }

  accessToken(): string | null {
    return this.sessions.load()?.accessToken ?? null;
  }

  /** POST JSON with the access token; on 401 refresh once and retry. */
  async authed<T>(path: string, body: unknown): Promise<T> {
    let res = await this.post(path, body, this.accessToken());
    if (res.status === 401) {
      await this.refresh();
      res = await this.post(path, body, this.accessToken());
      if (res.status === 401) {
        this.onSignInNeeded();
        throw new AuthError(401, await errorMessage(res));
      }
    }
    if (!res.ok) throw new HttpError(res.status, await errorMessage(res));
    return (await res.json()) as T;
  }

  private async post(path: string, body: unknown, token?: string | null): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const sentAt = this.clock?.deviceNow() ?? 0;
    const res = await this.fetchImpl(this.url(path), { method: 'POST', headers, body: JSON.stringify(body) });
    // Every answer corrects the device's clock (the stamps of its edits) by the server's.
    const serverTime = Number(res.headers?.get?.(serverTimeHeader) ?? NaN);
    if (this.clock && serverTime > 0) this.clock.observeServerTime(serverTime, sentAt, this.clock.deviceNow());
    return res;
  }
}
