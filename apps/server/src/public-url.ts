import os from 'node:os';
import { isLoopbackHost } from '@playroom/protocol';
import { canonicalOrigin } from './security/origin-policy';

/**
 * The address students' devices use to reach this server (join links, QR
 * codes, the start-up log line). A teacher who opens `localhost` must still
 * be shown an address a phone can open.
 */
export interface PublicUrl {
  /** scheme, host and port, no trailing slash: `http://192.168.1.20:3000` */
  origin: string;
  /** false when the origin opens on this machine only: then say why and how to fix it */
  reachable: boolean;
  /**
   * where it came from: PUBLIC_URL (`configured`), the address HOST names
   * (`host`), the machine's first network address (`interface`); or why it is
   * loopback: HOST is a loopback address (`loopbackHost`), or the machine has
   * no network address other than loopback (`noNetwork`)
   */
  source: 'configured' | 'host' | 'interface' | 'loopbackHost' | 'noNetwork';
}

/** PUBLIC_URL as typed: an http(s) origin, a trailing slash allowed; anything else throws, naming the variable. */
export function parsePublicUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  // the web app lives at the root of its origin: a path or a query would make every join link wrong
  const origin = canonicalOrigin(raw.trim());
  if (origin === null) throw new Error(`PUBLIC_URL must be an origin like http://192.168.1.20:3000 or https://playroom.school.example (no path), got ${JSON.stringify(raw)}`);
  return origin;
}

/** Network interfaces as `os.networkInterfaces()` gives them (a test passes its own). */
export type Interfaces = NodeJS.Dict<os.NetworkInterfaceInfo[]>;

/** Bridges of containers and VMs, tunnels: their addresses rarely reach the classroom's Wi-Fi, so they come last. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|tun|tap|wg|zt|utun)/;

/** The machine's first IPv4 address other devices may reach (not loopback, not link-local 169.254/16), or null. */
export function firstNetworkAddress(interfaces: Interfaces = os.networkInterfaces()): string | null {
  const candidates: { address: string; virtual: boolean }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal || isLoopbackHost(info.address) || info.address.startsWith('169.254.')) continue;
      candidates.push({ address: info.address, virtual: VIRTUAL_INTERFACE.test(name) });
    }
  }
  return (candidates.find((c) => !c.virtual) ?? candidates[0])?.address ?? null;
}

const ANY_ADDRESS = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * Where students reach the server: PUBLIC_URL when set (a proxy, a DNS
 * name); else the address HOST names; else, listening on every address, the
 * machine's first network address with the port it listens on. Listening on
 * loopback only, or with no network, the answer is loopback, and says so.
 */
export function resolvePublicUrl(
  options: { publicUrl: string | null; host: string; port: number },
  interfaces?: Interfaces,
): PublicUrl {
  if (options.publicUrl) return { origin: options.publicUrl, reachable: !isLoopbackHost(new URL(options.publicUrl).hostname), source: 'configured' };
  const http = (host: string) => `http://${host.includes(':') ? `[${host}]` : host}:${options.port}`;
  if (isLoopbackHost(options.host)) return { origin: http(options.host), reachable: false, source: 'loopbackHost' };
  if (!ANY_ADDRESS.has(options.host)) return { origin: http(options.host), reachable: true, source: 'host' };
  const address = firstNetworkAddress(interfaces);
  if (address === null) return { origin: http('127.0.0.1'), reachable: false, source: 'noNetwork' };
  return { origin: http(address), reachable: true, source: 'interface' };
}

/** The start-up log's words for where students join, honest when no other device can. */
export function describePublicUrl(url: PublicUrl): string {
  switch (url.source) {
    case 'configured':
    case 'host':
    case 'interface':
      return url.reachable
        ? `students join at ${url.origin}/`
        : `students join at ${url.origin}/ (PUBLIC_URL is a loopback address: other devices cannot open it)`;
    case 'loopbackHost':
      return `listening on ${url.origin}/ only: other devices cannot join; set HOST=0.0.0.0 (or PUBLIC_URL) so students can`;
    case 'noNetwork':
      return `this machine has no network address: other devices cannot join until it is on a network (or set PUBLIC_URL)`;
  }
}
