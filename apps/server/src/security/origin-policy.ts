/**
 * Which pages may use the API (rule SEC-1). A browser names the page a
 * request comes from in `Origin`; a page of another site inside the school
 * network must not create classes or open sockets as if it were Playroom.
 * Non-browser clients (curl, socket.io-client in Node) send no Origin and
 * pass: the check stops other pages, not other programs, which need a token
 * for anything that matters anyway.
 */
export interface OriginPolicy {
  /** Whether a request with this Origin header, sent to this Host, may write or open a socket. */
  allows(origin: string | undefined, host: string | undefined): boolean;
}

/** Parse ALLOWED_ORIGINS (comma-separated origins like `https://playroom.school.example`); throws on a malformed entry. */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const origin = canonicalOrigin(entry);
      if (origin === null) throw new Error(`ALLOWED_ORIGINS: ${JSON.stringify(entry)} is not an origin like https://host:port`);
      return origin;
    });
}

/** The policy: no Origin, the server's own origin (the Host the request was sent to), or one of `allowed`. */
export function originPolicy(allowed: readonly string[]): OriginPolicy {
  const listed = new Set(allowed);
  return {
    allows(origin, host) {
      if (origin === undefined) return true;
      // `null` is a sandboxed frame, a file:// page or a cross-site redirect: never Playroom itself
      const canonical = canonicalOrigin(origin);
      if (canonical === null) return false;
      if (listed.has(canonical)) return true;
      // same origin: the page was served by this host; the scheme is not compared, a TLS proxy in front changes it
      return host !== undefined && hostOf(canonical) === normalizeHost(host, canonical.startsWith('https:') ? '443' : '80');
    },
  };
}

/** `scheme://host[:port]` in lower case with the default port dropped, or null when `value` is no http(s) origin. */
/** `scheme://host[:port]` in lower case for an http(s) origin (a trailing slash allowed), null for anything else (a path, a query, a user). */
export function canonicalOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') return null;
  return url.origin.toLowerCase();
}

function hostOf(origin: string): string {
  return origin.slice(origin.indexOf('//') + 2);
}

/** A Host header as an origin's host part: lower case, the scheme's default port dropped. */
function normalizeHost(host: string, defaultPort: string): string {
  const lower = host.trim().toLowerCase();
  return lower.endsWith(`:${defaultPort}`) && !lower.endsWith(']') ? lower.slice(0, -(defaultPort.length + 1)) : lower;
}
