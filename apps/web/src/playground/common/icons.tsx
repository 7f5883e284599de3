/** Inline SVG icons: font glyphs for ▶ and ⏭ differ between phones, these do not. */

/** One icon of the set: a 24×24 path in the text colour. */
function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="pg-icon">
      <path d={path} fill="currentColor" />
    </svg>
  );
}

export const PlayIcon = () => <Icon path="M8 5v14l11-7z" />;

export const PauseIcon = () => <Icon path="M6 5h4v14H6zM14 5h4v14h-4z" />;

export const StepIcon = () => <Icon path="M6 5v14l9-7zM16 5h3v14h-3z" />;

export const ResetIcon = () => <Icon path="M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z" />;

/** A padlock: a control the teacher locked for the lesson. */
export const LockIcon = () => (
  <Icon path="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1zm2 0h6V7a3 3 0 0 0-6 0z" />
);

/** A pencil: drawing your own data points. */
export const PencilIcon = () => <Icon path="M4 17.2V20h2.8l8.3-8.3-2.8-2.8zM19.7 7.1a1 1 0 0 0 0-1.4l-1.4-1.4a1 1 0 0 0-1.4 0l-1.6 1.6 2.8 2.8z" />;

/** An eraser: removing a data point. */
export const EraserIcon = () => (
  <Icon path="M15.1 3.6a2 2 0 0 1 2.8 0l3.5 3.5a2 2 0 0 1 0 2.8L12.3 19H20v2H8.5l-5-5a2 2 0 0 1 0-2.8zM9.3 19l3-3-4.9-4.9-2.5 2.5 5 5z" />
);
