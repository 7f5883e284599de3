import { timingSafeEqual } from 'node:crypto';
import { ErrorCode, protocolError, type ProtocolError } from '@playroom/protocol';

/** Whether an address is this machine (IPv4 127/8, IPv6 ::1, or IPv4 loopback mapped into IPv6). */
export function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * Who may read /metrics (rule SEC-3): with METRICS_TOKEN set, whoever sends
 * it as a bearer token; without, only this machine (a scraper next to the
 * server), since the counters tell outsiders how busy the school is.
 * Returns the refusal with its HTTP status, or null to serve.
 */
export function metricsRefusal(
  authorization: string | undefined,
  address: string,
  metricsToken: string | null,
): { status: number; error: ProtocolError } | null {
  if (metricsToken === null) {
    return isLoopback(address)
      ? null
      : { status: 403, error: protocolError(ErrorCode.forbidden, '/metrics answers this machine only: set METRICS_TOKEN to scrape it from elsewhere') };
  }
  const sent = typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  if (sent !== '' && sameSecret(sent, metricsToken)) return null;
  return { status: 401, error: protocolError(ErrorCode.unauthorized, 'send the metrics token as Authorization: Bearer') };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
