import { useId, type ReactNode } from 'react';

interface FoldProps {
  /** whether the panel is shown */
  open: boolean;
  onToggle(open: boolean): void;
  /** the button's text ("Controls" / "设置") */
  label: string;
  /** always shown, beside the button (the run buttons and the epoch) */
  bar?: ReactNode;
  children: ReactNode;
}

/**
 * A bar with a button that shows or hides the panel under it: the phone
 * playground's controls. A hidden panel stays in the page (`hidden`), so
 * what it holds keeps its state and its values can still be read.
 */
export function Fold({ open, onToggle, label, bar, children }: FoldProps) {
  const panelId = useId();
  return (
    <div className="pg-fold" data-open={open}>
      <div className="pg-fold-bar">
        {bar}
        <button
          type="button"
          className="pg-fold-button"
          aria-expanded={open}
          aria-controls={panelId}
          data-testid="controls-toggle"
          onClick={() => onToggle(!open)}
        >
          <span>{label}</span>
          <svg viewBox="0 0 24 24" aria-hidden="true" className="pg-fold-chevron">
            <path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
      <div id={panelId} className="pg-fold-panel" data-testid="controls-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
