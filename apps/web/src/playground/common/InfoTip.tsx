/**
 * A small "?" that explains a concept. Hover, keyboard focus or a tap (which
 * focuses it) shows the text, so it works on a phone where `title` does not.
 */
export function InfoTip({ text }: { text: string }) {
  return (
    <span className="pg-tip" tabIndex={0} role="note" aria-label={text} data-tip={text}>
      ?
    </span>
  );
}
