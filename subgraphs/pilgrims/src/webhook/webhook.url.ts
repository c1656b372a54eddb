import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { UrlRefusal } from './webhook.errors';

export const MAX_URL_LENGTH = 2000;

// Addresses a webhook may never reach: a URL given by a third party must not become a way into
// the ministry's own network (SSRF).
// One list per family: a BlockList also matches IPv4 addresses against IPv6 rules (as mapped).
const INTERNAL_V4 = new BlockList();
const INTERNAL_V6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  INTERNAL_V4.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  // IPv4-mapped literals (the URL parser writes [::ffff:127.0.0.1] as [::ffff:7f00:1]).
  ['::ffff:0:0', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL_V6.addSubnet(net, prefix, 'ipv6');
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

export type AddressKind = 'loopback' | 'internal' | 'public';

/** Loopback, another non-public range, or a public address; IPv4-mapped IPv6 counts as its IPv4. */
export function addressKind(address: string): AddressKind {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (LOOPBACK.check(ip, family)) return 'loopback';
  if ((family === 'ipv4' ? INTERNAL_V4 : INTERNAL_V6).check(ip, family)) return 'internal';
  return 'public';
}

/** Whether a resolved address may be connected to; loopback only when insecure URLs are allowed. */
export function addressAllowed(address: string, allowInsecure: boolean): boolean {
  const kind = addressKind(address);
  return kind === 'public' || (kind === 'loopback' && allowInsecure);
}

const isLoopbackName = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost');

/**
 * Checks a subscription URL: https only (plain http only to a loopback host, and only when the
 * deployment allows insecure URLs), no credentials or fragment, and a host that is public: not an
 * internal address, not a single-label intranet name. Returns the normalised URL or the refusal.
 */
export function checkWebhookUrl(raw: string, allowInsecure: boolean): { url: string } | { refusal: UrlRefusal } {
  const text = raw.trim();
  if (text.length > MAX_URL_LENGTH) return { refusal: UrlRefusal.TOO_LONG };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { refusal: UrlRefusal.MALFORMED };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { refusal: UrlRefusal.NOT_HTTPS };
  if (url.username || url.password) return { refusal: UrlRefusal.CREDENTIALS };
  if (url.hash || text.includes('#')) return { refusal: UrlRefusal.FRAGMENT };
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!host) return { refusal: UrlRefusal.MALFORMED };
  const loopback = isIP(host) ? addressKind(host) === 'loopback' : isLoopbackName(host);
  if (url.protocol === 'http:' && !(allowInsecure && loopback)) return { refusal: UrlRefusal.NOT_HTTPS };
  if (loopback) return allowInsecure ? { url: url.href } : { refusal: UrlRefusal.PRIVATE_ADDRESS };
  if (isIP(host))
    return addressAllowed(host, allowInsecure) ? { url: url.href } : { refusal: UrlRefusal.PRIVATE_ADDRESS };
  if (!host.includes('.') || host.endsWith('.local') || host.endsWith('.internal')) {
    return { refusal: UrlRefusal.PRIVATE_ADDRESS };
  }
  return { url: url.href };
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup for the HTTP client that refuses internal addresses at connection time, so a
 * public name that later resolves to an internal address (DNS rebinding) is still refused.
 */
export function guardedLookup(allowInsecure: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const allowed = addresses.filter((a) => addressAllowed(a.address, allowInsecure));
      if (allowed.length === 0) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves only to non-public addresses`);
        refused.code = 'EADDRNOTPUBLIC';
        return callback(refused, []);
      }
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}
