import { useSyncExternalStore } from 'react';
import { parseRoute, routePath, type Route } from './route';

// pushState fires no event of its own, so navigate() announces itself with this one.
const NAVIGATE_EVENT = 'playroom:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const currentPath = () => window.location.pathname;

/**
 * Goes to a route with the history API (no reload). `state` rides with the
 * history entry (a reload of it keeps it, a new visit has none): what one
 * page hands the next, such as the forks "continue in practice mode" opens.
 */
export function navigate(route: Route, options: { replace?: boolean; state?: unknown } = {}): void {
  const path = routePath(route);
  if (path === window.location.pathname) return;
  const state = options.state ?? null;
  if (options.replace) window.history.replaceState(state, '', path);
  else window.history.pushState(state, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current route; re-renders on back/forward and on navigate(). */
export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, currentPath, () => '/');
  return parseRoute(path);
}
