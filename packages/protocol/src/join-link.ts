/*
 * Where a student joins a class: the server's public origin (PUBLIC_URL, or
 * an address of the machine other devices can reach) and the web app's
 * /join/CODE page. One home for the path, so the server's join link, its QR
 * code and the web app's router agree.
 */

/** The web app's page where a student joins the class with this code. */
export function joinPath(code: string): string {
  return `/join/${code}`;
}

/** The join link of a class: `origin` (scheme, host, port; no trailing slash) and its /join/CODE page. */
export function joinUrlOf(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}${joinPath(code)}`;
}

/**
 * Whether a host name or address names this machine only (localhost,
 * 127.0.0.0/8, ::1, also as an IPv4-mapped IPv6 address or in URL
 * brackets): a link to it opens on no other device.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  const v4 = bare.startsWith('::ffff:') ? bare.slice(7) : bare;
  return bare === 'localhost' || bare.endsWith('.localhost') || v4.startsWith('127.') || bare === '::1';
}

/** Whether a join link opens only on the machine that made it (a loopback host), so no student device can use it. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
