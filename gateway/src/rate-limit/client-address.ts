import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * The client's IP for a request or a WebSocket upgrade: the socket's peer, or with trusted
 * proxies (RATE_LIMIT_TRUST_PROXY) the first untrusted address of X-Forwarded-For, as Express's
 * `req.ip` computes it. Upgrades never reach Express, so both paths use proxy-addr directly.
 */
export function clientAddress(
  trustProxy: string | undefined,
): (request: IncomingMessage) => string {
  const trust = trustProxy ? proxyAddr.compile(trustProxy.split(',').map((s) => s.trim())) : null;
  return (request) =>
    trust ? proxyAddr(request, trust) : (request.socket.remoteAddress ?? 'unknown');
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice('::ffff:'.length) : ip;
  return v4.startsWith('127.') || ip === '::1';
}
