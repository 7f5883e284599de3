import { joinPath, normalizeRoomCode } from '@playroom/protocol';
import { teachPath } from './teacher-link';

/** The app's pages, as parsed from the URL path. */
export type Route =
  | { page: 'home'; joinCode: string | null }
  | { page: 'class'; code: string }
  | { page: 'projector'; code: string }
  | { page: 'teach'; code: string }
  | { page: 'local' }
  | { page: 'not-found'; path: string };

/** Parses a location path: /, /join/CODE, /class/CODE, /class/CODE/projector, /teach/CODE, /local. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'home', joinCode: null };
  const [first, second] = parts;
  if (first === 'join' && parts.length <= 2) {
    const code = second ? normalizeRoomCode(second) : '';
    return { page: 'home', joinCode: code.length > 0 ? code : null };
  }
  if (first === 'class' && second && parts.length === 2) {
    const code = normalizeRoomCode(second);
    if (code.length > 0) return { page: 'class', code };
  }
  if (first === 'class' && second && parts.length === 3 && parts[2] === 'projector') {
    const code = normalizeRoomCode(second);
    if (code.length > 0) return { page: 'projector', code };
  }
  if (first === 'teach' && second && parts.length === 2) {
    const code = normalizeRoomCode(second);
    if (code.length > 0) return { page: 'teach', code };
  }
  if (first === 'local' && parts.length === 1) return { page: 'local' };
  return { page: 'not-found', path: pathname };
}

/** The canonical path of a route. */
export function routePath(route: Route): string {
  switch (route.page) {
    case 'home':
      return route.joinCode ? joinPath(route.joinCode) : '/';
    case 'class':
      return `/class/${route.code}`;
    case 'projector':
      return projectorPath(route.code);
    case 'teach':
      return teachPath(route.code);
    case 'local':
      return '/local';
    case 'not-found':
      return route.path;
  }
}

/** The projector's path for a class: the teacher opens it on the classroom's screen. */
export function projectorPath(code: string): string {
  return `/class/${code}/projector`;
}
