import { memo } from 'react';
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
  onHover(link: LinkGeometry | null): void;
  onEdit(link: LinkGeometry): void;
}

/**
 * A wide transparent twin of every link that catches the mouse or a finger
 * (a 1-pixel line is impossible to tap). It depends only on the layout, so
 * it does not re-render when the weights change.
 */
export const LinkHits = memo(function LinkHits({ width, height, links, onHover, onEdit }: LinkHitsProps) {
  return (
    <svg className="pg-links pg-link-hits" width={width} height={height} aria-hidden="true">
      {links.map((link) => (
        <path
          key={link.key}
          d={link.path}
          data-link={link.key}
          onPointerEnter={() => onHover(link)}
          onPointerLeave={() => onHover(null)}
          onClick={() => onEdit(link)}
        />
      ))}
    </svg>
  );
});
