import { memo } from 'react';
import { divergingCss } from '../../render/colorScale';
import { linkWidth } from './networkLayout';
import type { ParamTarget } from './NeuronNode';

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

interface LinkLayerProps {
  width: number;
  height: number;
  links: readonly LinkGeometry[];
  params: ArrayLike<number>;
  onHover(target: ParamTarget | null): void;
  onEdit(target: ParamTarget): void;
}

function targetOf(link: LinkGeometry, params: ArrayLike<number>): ParamTarget {
  return { kind: 'weight', layer: link.layer, to: link.to, from: link.from, value: params[link.index] ?? 0, x: link.x, y: link.y };
}

/**
 * The links, drawn in SVG with thickness and colour by weight. Each link has
 * a wide transparent twin on top that catches the mouse or a finger, since a
 * 1-pixel line is impossible to tap.
 */
export const LinkLayer = memo(function LinkLayer({ width, height, links, params, onHover, onEdit }: LinkLayerProps) {
  return (
    <svg className="pg-links" width={width} height={height} aria-hidden="true">
      <g>
        {links.map((link) => {
          const weight = params[link.index] ?? 0;
          return (
            <path key={link.key} d={link.path} stroke={divergingCss(weight)} strokeWidth={linkWidth(weight)} fill="none" />
          );
        })}
      </g>
      <g className="pg-link-hits">
        {links.map((link) => (
          <path
            key={link.key}
            d={link.path}
            data-link={link.key}
            onPointerEnter={() => onHover(targetOf(link, params))}
            onPointerLeave={() => onHover(null)}
            onClick={() => onEdit(targetOf(link, params))}
          />
        ))}
      </g>
    </svg>
  );
});
