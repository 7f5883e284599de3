import { memo, useRef, useState } from 'react';
import { divergingCss } from '../../render/colorScale';
import { linkWidth } from './networkLayout';

/** One connection of the diagram: where it is drawn and which weight it shows. */
export interface LinkGeometry {
  key: string;
  path: string;
  layer: number;
  to: number;
  from: number;
  /** index of its weight in `params` */
  index: number;
  /** midpoint, for the tooltip */
  x: number;
  y: number;
}

interface LinkStrokesProps {
  width: number;
  height: number;
  links: readonly LinkGeometry[];
  params: ArrayLike<number>;
}

/** The links, drawn in SVG with thickness and colour by weight: the only part that changes every snapshot. */
export const LinkStrokes = memo(function LinkStrokes({ width, height, links, params }: LinkStrokesProps) {
  return (
    <svg className="pg-links" width={width} height={height} aria-hidden="true">
      {links.map((link) => {
        const weight = params[link.index] ?? 0;
        return <path key={link.key} d={link.path} stroke={divergingCss(weight)} strokeWidth={linkWidth(weight)} fill="none" />;
      })}
    </svg>
  );
});

interface LinkHitsProps {
  width: number;
  height: number;
  links: readonly LinkGeometry[];
  /** the name a screen reader says for a link ("Weight from X₁ to neuron 2 of layer 1") */
  labelOf(link: LinkGeometry): string;
  /** names the whole group and says how to move in it */
  groupLabel: string;
  onHover(link: LinkGeometry | null): void;
  onEdit(link: LinkGeometry): void;
}

const NEXT_KEYS = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS_KEYS = new Set(['ArrowUp', 'ArrowLeft']);

/**
 * A wide transparent twin of every link that catches the mouse or a finger
 * (a 1-pixel line is impossible to tap). It depends only on the layout, so
 * it does not re-render when the weights change.
 *
 * From the keyboard the links are one tab stop (a roving tabindex: up to
 * hundreds of links must not each take a Tab): arrows move between them,
 * focus shows the value, Enter or Space edits it.
 */
export const LinkHits = memo(function LinkHits({ width, height, links, labelOf, groupLabel, onHover, onEdit }: LinkHitsProps) {
  const [active, setActive] = useState(0);
  const paths = useRef<(SVGPathElement | null)[]>([]);
  const current = Math.min(active, links.length - 1);

  const move = (to: number) => {
    const next = (to + links.length) % links.length;
    setActive(next);
    paths.current[next]?.focus();
  };

  return (
    <svg className="pg-links pg-link-hits" width={width} height={height} role="group" aria-label={groupLabel}>
      {links.map((link, i) => (
        <path
          key={link.key}
          ref={(el) => {
            paths.current[i] = el;
          }}
          d={link.path}
          data-link={link.key}
          role="button"
          tabIndex={i === current ? 0 : -1}
          aria-label={labelOf(link)}
          onPointerEnter={() => onHover(link)}
          onPointerLeave={() => onHover(null)}
          onFocus={() => {
            setActive(i);
            onHover(link);
          }}
          onBlur={() => onHover(null)}
          onClick={() => onEdit(link)}
          onKeyDown={(event) => {
            if (NEXT_KEYS.has(event.key)) move(i + 1);
            else if (PREVIOUS_KEYS.has(event.key)) move(i - 1);
            else if (event.key === 'Home') move(0);
            else if (event.key === 'End') move(links.length - 1);
            else if (event.key === 'Enter' || event.key === ' ') onEdit(link);
            else return;
            event.preventDefault();
          }}
        />
      ))}
    </svg>
  );
});
