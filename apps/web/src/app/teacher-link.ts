import { PROTOCOL_LIMITS } from '@playroom/protocol';

const TOKEN = new RegExp(`^[A-Za-z0-9_-]{${PROTOCOL_LIMITS.tokenMinLength},${PROTOCOL_LIMITS.tokenMaxLength}}$`);

/** The path a teacher link opens (the token rides in the fragment, which browsers never send to a server). */
export function teachPath(code: string): string {
  return `/teach/${code}`;
}

/**
 * The teacher link of a class: `<origin of the join link>/teach/CODE#<teacher token>`.
 * The join link's origin is one other devices reach (JOIN-4), and the token
 * is in the fragment: no request, log or Referer ever carries it.
 */
export function teacherLinkOf(joinUrl: string, code: string, token: string): string {
  return `${new URL(joinUrl).origin}${teachPath(code)}#${token}`;
}

/** The teacher token in a location's fragment (`#<token>`), or null when there is none that could be one. */
export function teacherTokenFromFragment(hash: string): string | null {
  const token = hash.startsWith('#') ? hash.slice(1) : hash;
  return TOKEN.test(token) ? token : null;
}
