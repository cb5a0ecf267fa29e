// Who sent a request and under which address the atlas was asked, from configured values first.
// Forwarded headers (X-Forwarded-For, -Proto, -Host) are anyone's to write: they are believed only
// when the request comes from a proxy named in TRUST_PROXY, and even then checked. Without
// PUBLIC_URL the Host header names the atlas; it must be a plain host name (or address) and port,
// so that it can never carry markup into a link.
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

export type OriginOptions = {
  /** The configured public origin (PUBLIC_URL), or null. */
  publicUrl: string | null;
  /** Addresses of trusted reverse proxies (TRUST_PROXY). */
  trustProxy: string[];
};

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](?::\d{1,5})?$/;

/** 127.0.0.1 for ::ffff:127.0.0.1 (how Node names IPv4 clients on a dual-stack socket). */
const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

const fromTrustedProxy = (req: IncomingMessage, options: OriginOptions) =>
  options.trustProxy.length > 0 && options.trustProxy.includes(plainAddress(req.socket.remoteAddress ?? ''));

const firstValue = (header: string | string[] | undefined) => String(Array.isArray(header) ? header[0] : (header ?? '')).split(',')[0].trim();

/**
 * The client's address: the socket's, or behind a trusted proxy the nearest address in
 * X-Forwarded-For that is not itself a trusted proxy (the ones further left are the client's word).
 */
export function clientAddressOf(req: IncomingMessage, options: OriginOptions): string {
  const socket = plainAddress(req.socket.remoteAddress ?? 'unknown');
  if (!fromTrustedProxy(req, options)) return socket;
  const chain = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => plainAddress(a.trim()))
    .filter((a) => isIP(a));
  for (let i = chain.length - 1; i >= 0; i--) if (!options.trustProxy.includes(chain[i])) return chain[i];
  return chain[0] ?? socket;
}

/** Whether the client asked over https: a trusted proxy's X-Forwarded-Proto says so (the session cookie is then Secure). */
export const forwardedHttps = (req: IncomingMessage, options: OriginOptions): boolean => fromTrustedProxy(req, options) && firstValue(req.headers['x-forwarded-proto']) === 'https';

/** The atlas's base URL for links (no trailing slash), and the request headers it depends on; null when the Host header is not a host name. */
export function publicBaseOf(req: IncomingMessage, options: OriginOptions): { base: string; vary: string[] } | null {
  if (options.publicUrl) return { base: options.publicUrl, vary: [] };
  if (fromTrustedProxy(req, options)) {
    const proto = firstValue(req.headers['x-forwarded-proto']);
    const host = firstValue(req.headers['x-forwarded-host']);
    if ((proto === 'http' || proto === 'https') && HOST.test(host)) return { base: `${proto}://${host}`, vary: ['X-Forwarded-Proto', 'X-Forwarded-Host'] };
  }
  const host = firstValue(req.headers.host);
  return HOST.test(host) ? { base: `http://${host}`, vary: [] } : null;
}
