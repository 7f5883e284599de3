import { useCallback, useEffect, useState } from 'react';

/** The page's full-screen state (Fullscreen API) and a toggle; `supported` is false where the browser has none. */
export function useFullscreen(): { supported: boolean; active: boolean; toggle(): void } {
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const [active, setActive] = useState(() => typeof document !== 'undefined' && document.fullscreenElement !== null);
  useEffect(() => {
    const changed = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const toggle = useCallback(() => {
    const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    // refused (no user gesture, a policy): the page simply stays as it is
    request.catch(() => undefined);
  }, []);
  return { supported, active, toggle };
}
