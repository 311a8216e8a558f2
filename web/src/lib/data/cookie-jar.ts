type Fetch = typeof globalThis.fetch;

/**
 * A browser's cookie jar, for the data layer run outside a browser (Node tests, the sync
 * simulation, benchmarks): the refresh token is an HttpOnly cookie (SECURITY.md "Sessions"),
 * which a browser keeps and sends by itself and Node's fetch does not. One origin, the
 * attributes that matter here: Path, Max-Age and Expires (a cleared cookie is removed).
 */
export class CookieJar {
  readonly #cookies = new Map<string, { value: string; path: string; expires: number }>();

  /** `fetch` that sends the jar's cookies for the request's path and keeps what it sets. */
  wrap(base: Fetch): Fetch {
    return async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const header = this.header(url.pathname);
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      if (header) headers.set('cookie', header);
      const res = await base(input, { ...init, headers });
      this.store(res.headers.getSetCookie?.() ?? []);
      return res;
    };
  }

  /** The Cookie header for a request to this path ('' when none applies). */
  header(pathname: string, now = Date.now()): string {
    const pairs: string[] = [];
    for (const [name, c] of this.#cookies) {
      if (c.expires <= now) this.#cookies.delete(name);
      else if (pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)) pairs.push(`${name}=${c.value}`);
    }
    return pairs.join('; ');
  }

  store(setCookies: readonly string[], now = Date.now()): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      let path = '/';
      let expires = Number.POSITIVE_INFINITY;
      for (const attribute of attributes) {
        const [key = '', value = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = value || '/';
        else if (key.toLowerCase() === 'max-age') expires = now + Number(value) * 1000;
        else if (key.toLowerCase() === 'expires' && expires === Number.POSITIVE_INFINITY) expires = Date.parse(value);
      }
      if (expires <= now) this.#cookies.delete(name);
      else this.#cookies.set(name, { value: pair.slice(eq + 1), path, expires });
    }
  }
}
