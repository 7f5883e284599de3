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

/** Goes to a route with the history API (no reload). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const path = routePath(route);
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current route; re-renders on back/forward and on navigate(). */
export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, currentPath, () => '/');
  return parseRoute(path);
}
