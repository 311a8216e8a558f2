import { describe, expect, it } from 'vitest';
import { endpointRefusal, isPublicAddress, parseAllowList, urlRefusal } from './endpoint.ts';

describe('isPublicAddress', () => {
  it.each([
    // [address, public] — private, loopback, link-local, reserved and multicast ranges are not
    ['142.250.74.78', true],
    ['2a00:1450:4001:82b::200a', true],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['0.0.0.0', false],
    ['169.254.169.254', false], // cloud metadata service
    ['100.64.0.1', false], // carrier-grade NAT
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd12:3456::1', false],
    ['ff02::1', false],
    // An IPv4 address hidden inside IPv6 is judged as the IPv4 address it is.
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::10.0.0.1', false],
    ['not-an-ip', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe('urlRefusal', () => {
  const none = new Set<string>();
  it.each([
    ['https://fcm.googleapis.com/fcm/send/abc', null],
    ['https://updates.push.services.mozilla.com/wpush/v2/x', null],
    ['http://fcm.googleapis.com/fcm/send/abc', 'The push endpoint must use https.'],
    ['ftp://example.com/x', 'The push endpoint must use https.'],
    ['https://user:pw@push.example.com/x', 'The push endpoint must not carry a user name or password.'],
    ['https://push.example.com:8443/x', 'The push endpoint must use the standard https port.'],
    ['https://127.0.0.1/x', 'The push endpoint must be a public address.'],
    ['https://[::1]/x', 'The push endpoint must be a public address.'],
    ['https://169.254.169.254/latest', 'The push endpoint must be a public address.'],
    ['https://localhost/x', 'The push endpoint must be a public host name.'],
    ['https://printer.local/x', 'The push endpoint must be a public host name.'],
    ['https://intranet/x', 'The push endpoint must be a public host name.'],
    ['not a url', 'The push endpoint is not a URL.'],
  ])('%s', (url, expected) => {
    expect(urlRefusal(url, none)).toBe(expected);
  });

  it('an allow-listed origin passes even over http to loopback, and only that origin', () => {
    const allow = parseAllowList('http://127.0.0.1:4001, https://push.test');
    expect(urlRefusal('http://127.0.0.1:4001/push/1', allow)).toBeNull();
    expect(urlRefusal('http://127.0.0.1:4002/push/1', allow)).toBe('The push endpoint must use https.');
  });

  it('a malformed allow-list entry stops the start with its reason', () => {
    expect(() => parseAllowList('not an origin')).toThrow(/PUSH_ENDPOINT_ALLOWLIST/);
  });
});

describe('endpointRefusal resolves the host and checks every address', () => {
  const none = new Set<string>();
  const resolving = (addresses: string[]) => async () => addresses;
  it.each([
    ['all public', ['142.250.74.78', '2a00:1450:4001:82b::200a'], null],
    // A name with one private address among public ones could be answered with that one.
    ['one private among public ones', ['142.250.74.78', '10.0.0.5'], 'The push endpoint must be a public address.'],
    ['loopback', ['127.0.0.1'], 'The push endpoint must be a public address.'],
    ['no address at all', [], "The push endpoint's host name could not be resolved."],
  ])('%s', async (_why, addresses, expected) => {
    expect(await endpointRefusal('https://push.example.com/x', none, resolving(addresses))).toBe(expected);
  });

  it('a name that does not resolve is refused', async () => {
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await endpointRefusal('https://push.example.com/x', none, failing)).toBe("The push endpoint's host name could not be resolved.");
  });
});
