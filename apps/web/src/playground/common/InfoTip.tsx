import { useState, type ReactNode } from 'react';

type Align = 'center' | 'start' | 'end';

/** Room a tip needs on either side of its "?" before it is shifted to stay on screen. */
const HALF_TIP = 140;

/**
 * A small "?" that explains a concept. Hover, keyboard focus or a tap (which
 * focuses it) shows the text, so it works on a phone where `title` does not.
 * Near a screen edge the bubble opens toward the middle instead of off screen.
 */
export function InfoTip({ text, mark = '?', className, testId }: { text: string; mark?: ReactNode; className?: string; testId?: string }) {
  const [align, setAlign] = useState<Align>('center');
  const place = (element: HTMLElement): void => {
    const rect = element.getBoundingClientRect();
    const width = typeof window !== 'undefined' ? window.innerWidth : 0;
    setAlign(rect.left < HALF_TIP ? 'start' : width - rect.right < HALF_TIP ? 'end' : 'center');
  };
  return (
    <span
      className={`pg-tip pg-tip-${align}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      tabIndex={0}
      role="note"
      aria-label={text}
      data-tip={text}
      onPointerEnter={(event) => place(event.currentTarget)}
      onFocus={(event) => place(event.currentTarget)}
    >
      {mark}
    </span>
  );
}
