/**
 * The address per-address limits key on. Behind `trustedProxies` proxies,
 * each appended the address it saw to X-Forwarded-For, so the client is the
 * entry that many places from the end (fastify's `trustProxy: n` agrees);
 * anything further left was written by the client itself and is never
 * believed, or one machine could pose as a new address on every attempt.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | string[] | undefined, trustedProxies: number): string {
  if (trustedProxies <= 0 || forwardedFor === undefined) return socketAddress;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return socketAddress;
  return entries[Math.max(0, entries.length - trustedProxies)]!;
}
