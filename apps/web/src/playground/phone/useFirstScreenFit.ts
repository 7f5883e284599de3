import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How tall (px) something starting where `ref`'s element starts may be and
 * still end inside the first screen, `below` px kept under it; null unless
 * `enabled`. Measured when it appears and when the screen's width changes
 * (a turned phone), not when only the height does: a phone's address bar
 * shows and hides while scrolling, and the picture should not jump with it.
 */
export function useFirstScreenFit(ref: RefObject<HTMLElement | null>, below: number, enabled: boolean): number | null {
  const [fit, setFit] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (!enabled) {
      setFit(null);
      return;
    }
    let width = -1;
    const measure = (): void => {
      const element = ref.current;
      if (!element || window.innerWidth === width) return;
      width = window.innerWidth;
      const top = element.getBoundingClientRect().top + window.scrollY;
      setFit(Math.floor(window.innerHeight - top - below));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref, below, enabled]);
  return fit;
}
