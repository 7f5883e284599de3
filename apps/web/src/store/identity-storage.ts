/** Who this browser is in a class: kept in localStorage so a refresh rejoins in the same role. */
export interface Identity {
  code: string;
  role: 'teacher' | 'student';
  /** teacher token or participant token from the server; null until a student's first join succeeds */
  token: string | null;
  name: string;
}

const PREFIX = 'playroom.identity.';

function isIdentity(value: unknown): value is Identity {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (v.role === 'teacher' || v.role === 'student') &&
    (typeof v.token === 'string' || v.token === null) &&
    typeof v.name === 'string'
  );
}

/** The identity remembered for a room code, if any (ignores corrupt entries). */
export function loadIdentity(code: string): Identity | null {
  try {
    const raw = localStorage.getItem(PREFIX + code);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isIdentity(parsed) && parsed.code === code ? parsed : null;
  } catch {
    return null;
  }
}

/** Remembers an identity under its room code. */
export function saveIdentity(identity: Identity): void {
  localStorage.setItem(PREFIX + identity.code, JSON.stringify(identity));
}

/** Forgets the identity of a room code (left the class, or the class is gone). */
export function forgetIdentity(code: string): void {
  localStorage.removeItem(PREFIX + code);
}

/** Every remembered identity, sorted by room code: the home page offers to go back to them. */
export function listIdentities(): Identity[] {
  const out: Identity[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const identity = loadIdentity(key.slice(PREFIX.length));
    if (identity) out.push(identity);
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}
