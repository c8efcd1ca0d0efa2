import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { FetchedPage } from '../commands/command.ts';

export interface LinkLimits {
  maxRedirects: number;
  maxBytes: number;
  timeoutMs: number;
}

export const LINK_LIMITS: LinkLimits = { maxRedirects: 5, maxBytes: 2 * 1024 * 1024, timeoutMs: 15_000 };

export interface FetchPageOptions {
  limits?: LinkLimits;
  /**
   * For tests only, off by default and never set by the bot: lets loopback addresses (127.0.0.0/8, ::1) through
   * so that tests can serve pages from 127.0.0.1. Private, link-local and metadata addresses stay refused.
   */
  allowLoopbackForTestsOnly?: boolean;
}

export type { FetchedPage };
export type FetchPage = (address: string) => Promise<FetchedPage>;

/** Addresses a link may not lead to: this machine, private networks, link-local (cloud metadata), reserved. */
const REFUSED = new net.BlockList();
for (const [net4, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) REFUSED.addSubnet(net4, prefix, 'ipv4');
for (const [net6, prefix] of [['::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) REFUSED.addSubnet(net6, prefix, 'ipv6');
const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

class RefusedAddress extends Error {}

/** BlockList judges an IPv4 address written as IPv6 (::ffff:a00:1) by the IPv4 rules, as it should. */
function refusal(address: string, allowLoopback: boolean): string | null {
  const family = net.isIPv4(address) ? 'ipv4' : 'ipv6';
  if (LOOPBACK.check(address, family)) return allowLoopback ? null : `${address} is this machine (loopback)`;
  if (REFUSED.check(address, family)) return `${address} is a private, link-local or reserved address`;
  return null;
}

/** DNS lookup that refuses a name if any of its addresses is refused; the connection uses what was checked. */
function checkedLookup(allowLoopback: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const refused = addresses.map((a) => refusal(a.address, allowLoopback)).find((r) => r !== null);
      if (refused) return callback(new RefusedAddress(refused), '', 4);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 4);
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

type Hop = { redirect: string } | { page: Uint8Array; contentType: string };

function request(url: URL, o: { limits: LinkLimits; allowLoopback: boolean; signal: AbortSignal }): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? https.get : http.get;
    const req = get(url, { lookup: checkedLookup(o.allowLoopback), signal: o.signal, headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'Lectern/0.1 (reading group bot)' } }, (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        return resolve({ redirect: location });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return reject(new Error(`the site answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`));
      }
      const contentType = res.headers['content-type'] ?? '';
      if (!/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
        res.resume();
        return reject(new Error(`it is not a web page (its type is ${contentType.split(';')[0]?.trim() || 'not given'})`));
      }
      const tooLarge = new Error(`the page is larger than ${o.limits.maxBytes / 1024 / 1024} MB`);
      if (Number(res.headers['content-length'] ?? 0) > o.limits.maxBytes) {
        res.destroy();
        return reject(tooLarge);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > o.limits.maxBytes) {
          res.destroy();
          reject(tooLarge);
        } else chunks.push(chunk);
      });
      res.on('end', () => resolve({ page: Buffer.concat(chunks), contentType }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** A page declared in another encoding is turned into UTF-8, which is what the readers take. */
function toUtf8(bytes: Uint8Array, contentType: string): Uint8Array {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (!charset || charset === 'utf-8' || charset === 'utf8') return bytes;
  try {
    return new TextEncoder().encode(new TextDecoder(charset).decode(bytes));
  } catch {
    return bytes;
  }
}

/**
 * Fetches a web page for the reading list, as untrusted input: http and https only, at most `maxRedirects`
 * redirects, a size and a time limit, an HTML content type, and every address (each redirect's too) resolved
 * and checked before connecting: private, loopback, link-local and metadata addresses are refused.
 */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const limits = options.limits ?? LINK_LIMITS;
  const allowLoopback = options.allowLoopbackForTestsOnly === true;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, reason: 'that is not a web address (it should start with https://)' };
  }
  try {
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `only http and https links are read, not ${url.protocol.replace(/:$/, '')}` };
      if (url.username || url.password) return { ok: false, reason: 'links with a user name or password are not fetched' };
      const host = url.hostname.replace(/^\[|\]$/g, '');
      // A literal IP address is connected to without a lookup, so it is checked here.
      const literal = net.isIP(host) ? refusal(host, allowLoopback) : null;
      if (literal) return { ok: false, reason: `the link leads to ${literal}, which is not fetched` };
      const hop = await request(url, { limits, allowLoopback, signal });
      if ('page' in hop) return { ok: true, url: url.href, bytes: toUtf8(hop.page, hop.contentType) };
      if (redirects >= limits.maxRedirects) return { ok: false, reason: `it redirects more than ${limits.maxRedirects} times` };
      url = new URL(hop.redirect, url);
    }
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: `the site did not answer within ${limits.timeoutMs / 1000} seconds` };
    if (error instanceof RefusedAddress) return { ok: false, reason: `the link leads to ${error.message}, which is not fetched` };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { ok: false, reason: `${url.hostname} could not be found` };
    if (code === 'ECONNREFUSED') return { ok: false, reason: `${url.hostname} refused the connection` };
    return { ok: false, reason: (error as Error).message };
  }
}
