import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Push endpoints are URLs a device hands the server, which the server then calls: left
 * unchecked, any signed-in person could make the server POST into its own network (server-side
 * request forgery). So an endpoint must be https on the default port, carry no credentials, and
 * every address its host resolves to must be public; checked when it is saved and again on
 * every connection (a name may resolve elsewhere by then). The only exception is an explicit
 * allow-list of origins (`PUSH_ENDPOINT_ALLOWLIST`), which the tests use for a local push
 * service (docs/DESIGN.md "Notifications").
 */

// Addresses that are not the public internet (IANA special-purpose registries).
const notPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) notPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) notPublic.addSubnet(net, prefix, 'ipv6');

/** An IPv4 address carried inside an IPv6 one (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d), or null. */
function embeddedIpv4(ip: string): string | null {
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Is this a public unicast address (neither private, loopback, link-local, multicast nor reserved)? */
export function isPublicAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) return isPublicAddress(v4);
    return !notPublic.check(bare, 'ipv6');
  }
  return !notPublic.check(bare, 'ipv4');
}

/** The origins exempt from the checks, from a comma-separated setting ("http://127.0.0.1:4001"). */
export function parseAllowList(raw: string | undefined): Set<string> {
  const origins = new Set<string>();
  for (const part of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    try {
      origins.add(new URL(part).origin);
    } catch {
      throw new Error(`PUSH_ENDPOINT_ALLOWLIST: "${part}" is not an origin such as https://push.example.com`);
    }
  }
  return origins;
}

/**
 * What is wrong with an endpoint's URL itself, or null. Says nothing of where its name
 * resolves (`endpointRefusal` does both). Allow-listed origins pass.
 */
export function urlRefusal(endpoint: string, allow: ReadonlySet<string>): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'The push endpoint is not a URL.';
  }
  if (allow.has(url.origin)) return null;
  if (url.protocol !== 'https:') return 'The push endpoint must use https.';
  if (url.username || url.password) return 'The push endpoint must not carry a user name or password.';
  if (url.port !== '') return 'The push endpoint must use the standard https port.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPublicAddress(host) ? null : 'The push endpoint must be a public address.';
  if (!host.includes('.') || /\.(?:localhost|local|internal|home\.arpa)$/i.test(host) || host.toLowerCase() === 'localhost') return 'The push endpoint must be a public host name.';
  return null;
}

export type Resolve = (host: string) => Promise<readonly string[]>;

const systemResolve: Resolve = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (err, addresses: LookupAddress[]) => (err ? reject(err) : resolve(addresses.map((a) => a.address)))));

/** The URL checks, then every address the host resolves to must be public. Null when the endpoint may be called. */
export async function endpointRefusal(endpoint: string, allow: ReadonlySet<string>, resolve: Resolve = systemResolve): Promise<string | null> {
  const problem = urlRefusal(endpoint, allow);
  if (problem) return problem;
  const url = new URL(endpoint);
  if (allow.has(url.origin) || isIP(url.hostname.replace(/^\[|\]$/g, ''))) return null;
  let addresses: readonly string[];
  try {
    addresses = await resolve(url.hostname);
  } catch {
    return 'The push endpoint\'s host name could not be resolved.';
  }
  if (addresses.length === 0) return 'The push endpoint\'s host name could not be resolved.';
  return addresses.every(isPublicAddress) ? null : 'The push endpoint must be a public address.';
}

/**
 * A `lookup` for http(s).request that refuses to connect to any address that is not public,
 * so a name that resolved to a public address when saved cannot be pointed inside later.
 */
export function guardedLookup(): typeof dnsLookup {
  return ((host: string, options: any, callback: any) => {
    const cb = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'object' && options !== null ? options : {};
    dnsLookup(host, { ...opts, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return cb(err);
      const bad = addresses.find((a) => !isPublicAddress(a.address));
      if (bad || addresses.length === 0) return cb(Object.assign(new Error(`refused to connect to ${host}: not a public address`), { code: 'EPUSHADDRESS' }));
      if (opts.all) return cb(null, addresses);
      cb(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as typeof dnsLookup;
}
