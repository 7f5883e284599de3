import { useEffect, useMemo, useRef } from 'react';
import type { DatasetKind, TrainerConfig } from '@playroom/engine';
import { useT } from '../../i18n';
import { drawPoints } from '../../render/dataPoints';
import { dataSplitOf } from '../useDataSplit';

const SIZE = 52;

interface DatasetThumbnailProps {
  kind: DatasetKind;
  config: TrainerConfig;
  selected: boolean;
  disabled: boolean;
  onSelect(kind: DatasetKind): void;
}

/** A dataset button showing that dataset's real points, generated with the current seed and noise. */
export function DatasetThumbnail({ kind, config, selected, disabled, onSelect }: DatasetThumbnailProps) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { problem, noise, trainRatio, dataSeed, customPoints } = config;
  const split = useMemo(
    () => dataSplitOf({ dataset: kind, problem, noise, trainRatio, dataSeed, customPoints }),
    [kind, problem, noise, trainRatio, dataSeed, customPoints],
  );
  useEffect(() => {
    if (!canvas.current || !split) return;
    drawPoints(canvas.current, SIZE, [{ data: split.train, stroke: null }, { data: split.test, stroke: null }], problem, 1.1);
  }, [split, problem]);
  const name = t(`pg.dataset.${kind}`);
  return (
    <button
      type="button"
      className={`pg-dataset${selected ? ' is-selected' : ''}`}
      aria-pressed={selected}
      aria-label={name}
      title={name}
      disabled={disabled}
      onClick={() => onSelect(kind)}
    >
      <canvas ref={canvas} style={{ width: SIZE, height: SIZE }} />
      <span className="pg-dataset-name">{name}</span>
    </button>
  );
}
