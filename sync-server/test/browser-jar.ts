/**
 * A browser's part in a redirect flow, for tests without one: cookies kept per origin and sent
 * back to it, redirects followed by hand so each step can be looked at. Paths and expiry of
 * cookies are ignored (every cookie of an origin goes back to it).
 */
export function browserJar() {
  const jar = new Map<string, Map<string, string>>();
  function keep(url: URL, headers: Headers) {
    const cookies = jar.get(url.origin) ?? new Map<string, string>();
    jar.set(url.origin, cookies);
    for (const line of headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      // A cleared cookie comes back empty with an expiry in the past.
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
  }
  async function request(href: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const url = new URL(href);
    const cookie = [...(jar.get(url.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    keep(url, res.headers);
    return res;
  }
  return {
    request,
    /** Follows redirects from `href` until a page that is not one; answers it and its address. */
    async follow(href: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ res: Response; url: URL }> {
      let url = new URL(href);
      let res = await request(url.href, init);
      for (let hops = 0; res.status >= 300 && res.status < 400; hops++) {
        if (hops > 10) throw new Error('too many redirects');
        url = new URL(res.headers.get('location')!, url);
        res = await request(url.href);
      }
      return { res, url };
    },
    cookie: (origin: string, name: string) => jar.get(origin)?.get(name) ?? null,
  };
}
