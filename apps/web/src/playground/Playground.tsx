import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { DEFAULT_SHARE_VIEW, type ShareView } from '@playroom/protocol';
import { HeatmapRenderer, type NeuronRef } from '../render/heatmapRenderer';
import { useT } from '../i18n';
import { ControlsBar, ControlsStatus, HyperParameters, ReadOnlyNote, RunControls, SameStartButton } from './controls/ControlsBar';
import { DataPanel } from './data/DataPanel';
import { useDrawing } from './draw/useDrawing';
import { GradientPanel } from './gradients/GradientPanel';
import { HeatmapContext } from './HeatmapContext';
import type { CommandStatus, PlaygroundActions, PlaygroundModel } from './model';
import { NetworkPanel } from './network/NetworkPanel';
import { OutputPanel } from './output/OutputPanel';
import { Fold } from './phone/Fold';
import { usePhoneLayout } from './phone/phoneLayout';
import { useDataSplit } from './useDataSplit';
import { offersTimeline, TimelineScrubber } from './timeline/TimelineScrubber';
// Each area's stylesheet sits beside its components, but all are imported here, in this order:
// later files override earlier ones at equal specificity (.pg-features-title restyles .pg-panel-title,
// .pg-swatch-train reshapes .pg-swatch), so the order is part of the look.
import './playground-layout.css';
import './common/panel.css';
import './common/fields.css';
import './common/info-tip.css';
import './controls/controls.css';
import './data/data.css';
import './network/network.css';
import './gradients/gradients.css';
import './output/output.css';
import './draw/draw.css';
import './phone/phone.css';
import './timeline/timeline.css';

export interface PlaygroundProps {
  model: PlaygroundModel;
  actions: PlaygroundActions;
  /** the last command's state, shown in the controls bar */
  status?: CommandStatus;
  /** the app shell's own buttons in the controls bar (e.g. "Fork and experiment") */
  toolbarExtra?: ReactNode;
  /** more of the shell's buttons, that a phone keeps in the controls fold (its first screen is the output's) */
  foldedExtra?: ReactNode;
  /** why the controls are read-only, in the reader's language (the shell knows whose session this is) */
  readOnlyNote?: string;
  /** a renderer made outside (the web benchmark times it); one is created otherwise */
  renderer?: HeatmapRenderer;
  /** what is shown (test data, discretized output) when the shell keeps it (practice mode's link); kept here otherwise */
  view?: ShareView;
  onViewChange?: (view: ShareView) => void;
}

/**
 * The playground view: controls on top, then data | features + network |
 * output, as TensorFlow Playground. On a phone (phone/phoneLayout.ts) the
 * output comes first and the controls and the data fold into one panel
 * under the run buttons, folded until asked for.
 */
export function Playground({ model, actions, status, toolbarExtra, foldedExtra, readOnlyNote, renderer: given, view: shellView, onViewChange }: PlaygroundProps) {
  const t = useT();
  const phone = usePhoneLayout();
  const [controlsOpen, setControlsOpen] = useState(false);
  const [own] = useState(() => (given ? null : new HeatmapRenderer()));
  const renderer = given ?? own!;
  const [focus, setFocus] = useState<NeuronRef | null>(null);
  const [ownView, setOwnView] = useState<ShareView>(DEFAULT_SHARE_VIEW);
  const view = shellView ?? ownView;
  const setView = onViewChange ?? setOwnView;
  const { showTestData, discretize } = view;
  const data = useDataSplit(model.config);
  const drawing = useDrawing(model, actions, data, status);
  // while drawing, "Sending…" is not shown: appearing and going at every burst of taps, it would move the heatmap under the finger
  const shownStatus = drawing.active && status?.state === 'pending' ? undefined : status;

  // A layout effect, so the heatmaps are drawn in the same frame as the DOM update, not one frame later.
  useLayoutEffect(() => renderer.setSource(model.config, model.params), [renderer, model.config, model.params]);
  useEffect(() => renderer.setDiscretize(discretize), [renderer, discretize]);
  useEffect(() => renderer.setFocus(focus), [renderer, focus]);
  useEffect(() => () => own?.dispose(), [own]);

  const scrubber = offersTimeline(model, actions) ? <TimelineScrubber model={model} actions={actions} /> : null;
  const output = (
    <OutputPanel
      model={model}
      data={data}
      drawing={drawing}
      focus={focus}
      showTestData={showTestData}
      discretize={discretize}
      onShowTestData={(on) => setView({ ...view, showTestData: on })}
      onDiscretize={(on) => setView({ ...view, discretize: on })}
      timeline={phone ? null : scrubber}
    />
  );
  return (
    <HeatmapContext.Provider value={renderer}>
      <div
        className={`pg-root${model.readOnly ? ' is-readonly' : ''}`}
        data-layout={phone ? 'phone' : undefined}
        data-controls={phone ? (controlsOpen ? 'open' : 'folded') : undefined}
      >
        {phone ? (
          <>
            <Fold open={controlsOpen} onToggle={setControlsOpen} label={t('pg.fold.controls')} bar={<RunControls model={model} actions={actions} sameStart={false} />}>
              <ReadOnlyNote model={model} note={readOnlyNote} />
              {scrubber}
              {foldedExtra && <div className="pg-fold-reset">{foldedExtra}</div>}
              {!model.readOnly && (
                <div className="pg-fold-reset">
                  <SameStartButton model={model} actions={actions} long />
                </div>
              )}
              <section className="pg-controls" aria-label={t('pg.controls')}>
                <HyperParameters model={model} actions={actions} />
              </section>
              <DataPanel model={model} actions={actions} />
            </Fold>
            <ControlsStatus status={shownStatus} toolbarExtra={toolbarExtra} />
            <div className="pg-columns">
              {output}
              <div className="pg-middle">
                <NetworkPanel model={model} actions={actions} focus={focus} onFocus={setFocus} />
                <GradientPanel model={model} />
              </div>
            </div>
          </>
        ) : (
          <>
            <ControlsBar
              model={model}
              actions={actions}
              status={shownStatus}
              toolbarExtra={
                <>
                  {toolbarExtra}
                  {foldedExtra}
                </>
              }
              readOnlyNote={readOnlyNote}
            />
            <div className="pg-columns">
              <DataPanel model={model} actions={actions} />
              <div className="pg-middle">
                <NetworkPanel model={model} actions={actions} focus={focus} onFocus={setFocus} />
                <GradientPanel model={model} />
              </div>
              {output}
            </div>
          </>
        )}
      </div>
    </HeatmapContext.Provider>
  );
}
