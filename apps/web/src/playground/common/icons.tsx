/** Inline SVG icons: font glyphs for ▶ and ⏭ differ between phones, these do not. */

export function PlayIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="pg-icon">
      <path d="M8 5v14l11-7z" fill="currentColor" />
    </svg>
  );
}

export function PauseIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="pg-icon">
      <path d="M6 5h4v14H6zM14 5h4v14h-4z" fill="currentColor" />
    </svg>
  );
}

export function StepIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="pg-icon">
      <path d="M6 5v14l9-7zM16 5h3v14h-3z" fill="currentColor" />
    </svg>
  );
}

export function ResetIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="pg-icon">
      <path
        d="M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z"
        fill="currentColor"
      />
    </svg>
  );
}

/** A padlock: a control the teacher locked for the lesson. */
export function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="pg-icon">
      <path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1zm2 0h6V7a3 3 0 0 0-6 0z" fill="currentColor" />
    </svg>
  );
}
