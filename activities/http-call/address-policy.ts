import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why a call is refused before any byte is sent. */
export class RefusedUrl extends Error {
  constructor(
    readonly reason: 'not-allowed' | 'private-address' | 'bad-url',
    message: string,
  ) {
    super(message);
  }
}

export interface AddressPolicy {
  /** URL prefixes a model may call, e.g. "https://api.thue.gov.vn/v1/". Nothing else is reachable. */
  allow: readonly string[];
  /**
   * Private, loopback, link-local and other non-public addresses (IPv4 and IPv6, in CIDR) that are
   * explicitly allowed, e.g. "127.0.0.1/32" for a service on the same host. All others are refused.
   */
  allowPrivate: readonly string[];
}

function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1.
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

function explicitlyAllowed(address: ipaddr.IPv4 | ipaddr.IPv6, policy: AddressPolicy): boolean {
  return policy.allowPrivate.some((cidr) => {
    const [range, bits] = ipaddr.parseCIDR(cidr);
    return range.kind() === address.kind() && (address as ipaddr.IPv4).match(range as ipaddr.IPv4, bits);
  });
}

/** Refuses an address that is not public unicast, unless the policy names it. */
export function checkAddress(address: string, policy: AddressPolicy): void {
  const parsed = parse(address);
  if (parsed.range() !== 'unicast' && !explicitlyAllowed(parsed, policy)) {
    throw new RefusedUrl('private-address', `${address} is a ${parsed.range()} address, not allowed for HTTP calls`);
  }
}

/** Checks the URL against the allow-list; returns it parsed. */
export function checkUrl(raw: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedUrl('bad-url', `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RefusedUrl('bad-url', `${url.protocol} URLs are not called`);
  if (url.username || url.password) throw new RefusedUrl('bad-url', 'URLs with credentials are not called');
  if (!policy.allow.some((prefix) => url.href.startsWith(new URL(prefix).href))) {
    throw new RefusedUrl('not-allowed', `${url.origin}${url.pathname} is not on the HTTP call allow-list`);
  }
  return url;
}

/**
 * Resolves the host (every A and AAAA record) and checks each address; returns the first one,
 * which the connection then uses, so a second resolution cannot swap in another address.
 */
export async function resolveChecked(hostname: string, policy: AddressPolicy): Promise<{ address: string; family: 4 | 6 }> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) as 4 | 6 }] : ((await lookup(host, { all: true, verbatim: true })) as Array<{ address: string; family: 4 | 6 }>);
  if (addresses.length === 0) throw new RefusedUrl('bad-url', `${host} does not resolve`);
  for (const { address } of addresses) checkAddress(address, policy);
  return addresses[0]!;
}
