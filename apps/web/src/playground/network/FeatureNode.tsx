import { useEffect, useRef } from 'react';
import { FEATURES, type FeatureId } from '@playroom/engine';
import type { LessonControlState } from '@playroom/protocol';
import { useT } from '../../i18n';
import { buildDivergingLut } from '../../render/colorScale';
import { featureGrid } from '../../render/featureGrids';
import { paintDivergingGrid } from '../../render/gridImage';
import { PixelSurface } from '../../render/pixelSurface';
import { THUMBNAIL_SIZE } from '../../render/heatmapRenderer';
import type { NodePosition } from './networkLayout';

const lut = buildDivergingLut();

interface FeatureNodeProps {
  feature: FeatureId;
  active: boolean;
  /** the only active feature cannot be switched off */
  locked: boolean;
  /** what the teacher let students do with the features this lesson: a locked or hidden toggle does nothing */
  lesson: LessonControlState;
  disabled: boolean;
  position: NodePosition;
  nodeSize: number;
  onToggle(feature: FeatureId): void;
  onHover(feature: FeatureId | null): void;
}

/** An input feature: its label, its heatmap (painted once, it never changes) and an on/off toggle. */
export function FeatureNode({ feature, active, locked, lesson, disabled, position, nodeSize, onToggle, onHover }: FeatureNodeProps) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const surface = new PixelSurface(canvas.current, THUMBNAIL_SIZE);
    if (!surface.pixels) return;
    paintDivergingGrid(featureGrid(feature, THUMBNAIL_SIZE), surface.pixels, THUMBNAIL_SIZE, { lut });
    surface.commit();
  }, [feature]);
  const label = FEATURES[feature].label;
  const tip =
    lesson === 'hidden'
      ? label
      : lesson === 'locked'
        ? `${label}: ${t('pg.lesson.locked')}`
        : locked
          ? t('pg.feature.last')
          : t(active ? 'pg.feature.on' : 'pg.feature.off', { feature: label });
  return (
    <div
      className="pg-feature"
      style={{ left: position.x, top: position.y, height: nodeSize }}
      onPointerEnter={() => onHover(feature)}
      onPointerLeave={() => onHover(null)}
    >
      <span className="pg-feature-label" aria-hidden="true">
        {label}
      </span>
      <button
        type="button"
        className={`pg-node pg-feature-toggle${active ? ' is-active' : ''}`}
        style={{ width: nodeSize, height: nodeSize }}
        aria-pressed={active}
        aria-label={label}
        title={tip}
        disabled={disabled || lesson !== 'open' || (active && locked)}
        onClick={() => onToggle(feature)}
      >
        <canvas ref={canvas} className="pg-node-canvas" />
      </button>
    </div>
  );
}
