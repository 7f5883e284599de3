import type { ReactNode } from 'react';
import type { DataSplit } from '@playroom/engine';
import { useT } from '../../i18n';
import type { NeuronRef } from '../../render/heatmapRenderer';
import { DrawTools } from '../draw/DrawTools';
import type { Drawing } from '../draw/useDrawing';
import type { PlaygroundModel } from '../model';
import { ColorLegend } from './ColorLegend';
import { LossChart } from './LossChart';
import { OutputHeatmap } from './OutputHeatmap';
import { OutputMetrics } from './OutputMetrics';
import { usePhoneLayout } from '../phone/phoneLayout';
import { LookingBack } from '../timeline/LookingBack';

/** The loss chart's height on a phone: the chart, the losses and the heatmap share the first screen. */
const PHONE_CHART_HEIGHT = 64;

interface OutputPanelProps {
  model: PlaygroundModel;
  data: DataSplit | null;
  /** drawing your own data on the heatmap (the playground's, which also quiets the status line while it is on) */
  drawing: Drawing;
  focus: NeuronRef | null;
  showTestData: boolean;
  discretize: boolean;
  onShowTestData(show: boolean): void;
  onDiscretize(discretize: boolean): void;
  /** the timeline's scrubber, under the loss chart, when the viewer drives a session that has one */
  timeline?: ReactNode;
}

/** Losses, the loss chart, the decision boundary with the points (where you may draw your own), and the legend. */
export function OutputPanel({ model, data, drawing, focus, showTestData, discretize, onShowTestData, onDiscretize, timeline }: OutputPanelProps) {
  const t = useT();
  const { config, metrics } = model;
  const classifies = config.problem !== 'regression';
  const outputLayer = config.hiddenLayers.length + 1;
  const phone = usePhoneLayout();
  return (
    <section className="pg-panel pg-output" aria-label={t('pg.output')} data-scrubbed={model.scrubbedTo != null || undefined}>
      <h2 className="pg-panel-title">{t('pg.output')}</h2>
      <OutputMetrics metrics={metrics} classifies={classifies} />
      {/* the mark lies over the chart, so looking back moves nothing on a phone's first screen */}
      <div className="pg-loss-box">
        <LossChart history={model.lossHistory.points} height={phone ? PHONE_CHART_HEIGHT : undefined} />
        <LookingBack scrubbedTo={model.scrubbedTo} />
      </div>
      {timeline}
      <OutputHeatmap
        data={drawing.drafting ? drawing.draftData : data}
        problem={config.problem}
        // while drawing every point shows: a new point may land among the test points
        showTestData={showTestData || drawing.active}
        fitFirstScreen={phone}
        onDraw={drawing.active ? drawing.tap : undefined}
      />
      <DrawTools drawing={drawing} problem={config.problem} />
      <p className="pg-focus-note" aria-live="polite">
        {focus && focus.layer > 0 && focus.layer < outputLayer
          ? t('pg.output.hovered', { layer: focus.layer, neuron: focus.neuron + 1 })
          : '\u00a0'}
      </p>
      <ColorLegend classes={config.problem === 'multiclass' ? (data?.numClasses ?? 0) : 2} />
      <div className="pg-checks">
        <label className="pg-check">
          <input type="checkbox" data-testid="show-test-data" checked={showTestData} onChange={(event) => onShowTestData(event.target.checked)} />
          {t('pg.showTestData')}
        </label>
        <label className="pg-check" title={t('pg.discretize.tip')}>
          <input type="checkbox" data-testid="discretize" checked={discretize} onChange={(event) => onDiscretize(event.target.checked)} />
          {t('pg.discretize')}
        </label>
      </div>
    </section>
  );
}
