import type { ReactNode } from 'react';
import { ACTIVATION_IDS, LIMITS, OPTIMIZER_IDS, PROBLEM_TYPES, REGULARIZATION_IDS } from '@playroom/engine';
import { PROTOCOL_LIMITS } from '@playroom/protocol';
import { useT } from '../../i18n';
import { formatEpoch, formatRate } from '../common/formatNumbers';
import { PauseIcon, PlayIcon, ResetIcon, StepIcon } from '../common/icons';
import { SelectField } from '../common/SelectField';
import { optimizerPatch, problemPatch } from '../configEdits';
import { lessonAccess, type CommandStatus, type PlaygroundActions, type PlaygroundModel } from '../model';
import { NumberMenuField } from './NumberMenuField';
import { OptimizerFields } from './OptimizerFields';
import { ScheduleFields } from './ScheduleFields';

/** Training speeds offered, in epochs per second (the server accepts 1–1000). */
export const SPEEDS = [1, 3, 10, 30, 60, 120, 300, 1000] as const;

interface ControlsBarProps {
  model: PlaygroundModel;
  actions: PlaygroundActions;
  status?: CommandStatus;
  toolbarExtra?: ReactNode;
  /** replaces the generic "you are watching" note */
  readOnlyNote?: string;
}

/**
 * The bar on top: run controls, the epoch counter and the hyper-parameters,
 * as in the playground; a student does not see what the teacher hid and sees
 * what the teacher locked with a padlock (LESSON-1).
 */
export function ControlsBar({ model, actions, status, toolbarExtra, readOnlyNote }: ControlsBarProps) {
  const t = useT();
  return (
    <section className="pg-controls" aria-label={t('pg.controls')}>
      <RunControls model={model} actions={actions} />
      <HyperParameters model={model} actions={actions} />
      <ControlsStatus status={status} toolbarExtra={toolbarExtra}>
        <ReadOnlyNote model={model} note={readOnlyNote} />
      </ControlsStatus>
    </section>
  );
}

type PartProps = Pick<ControlsBarProps, 'model' | 'actions'>;

/** Reset, run/pause, step and the epoch counter; `sameStart: false` leaves "same start" to the caller (the phone's fold). */
export function RunControls({ model, actions, sameStart = true }: PartProps & { sameStart?: boolean }) {
  const t = useT();
  const disabled = model.readOnly;
  const reset = (
    <button
      type="button"
      className="pg-round pg-round-small"
      onClick={() => actions.reset('new')}
      data-testid="reset"
      disabled={disabled}
      aria-label={t('pg.reset')}
      title={t('pg.reset.tip')}
    >
      <ResetIcon />
    </button>
  );
  return (
    <div className="pg-run">
      {sameStart ? (
        <div className="pg-reset">
          {reset}
          <SameStartButton model={model} actions={actions} />
        </div>
      ) : (
        reset
      )}
      <button
        type="button"
        className="pg-round pg-play"
        onClick={model.playing ? actions.pause : actions.play}
        data-testid="play-pause"
        data-playing={model.playing}
        disabled={disabled || (!model.playing && model.metrics.diverged !== null)}
        aria-label={model.playing ? t('pg.pause') : t('pg.play')}
        aria-pressed={model.playing}
        title={t('pg.play.tip')}
      >
        {model.playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button
        type="button"
        className="pg-round pg-round-small"
        onClick={actions.step}
        data-testid="step"
        disabled={disabled || model.metrics.diverged !== null}
        aria-label={t('pg.step')}
        title={t('pg.step.tip')}
      >
        <StepIcon />
      </button>
      <div className="pg-epoch" title={t('pg.epoch.tip')}>
        <span className="pg-field-label">{t('pg.epoch')}</span>
        <output className="pg-epoch-value" aria-live="off" data-testid="epoch" data-epoch={model.epoch}>
          {formatEpoch(model.epoch)}
        </output>
      </div>
    </div>
  );
}

/** Reset to the same start: epoch 0 with the starting weights of the seed again (CMD-4); the reset button re-rolls them. */
export function SameStartButton({ model, actions, long = false }: PartProps & { long?: boolean }) {
  const t = useT();
  return (
    <button
      type="button"
      className="pg-same-start"
      onClick={() => actions.reset('same')}
      data-testid="reset-same"
      disabled={model.readOnly}
      title={t('pg.resetSame.tip')}
    >
      {t(long ? 'pg.resetSame.long' : 'pg.resetSame')}
    </button>
  );
}

/** The hyper-parameter menus and the speed; what the teacher hid is not there (LESSON-1). */
export function HyperParameters({ model, actions }: PartProps) {
  const t = useT();
  const { config, readOnly } = model;
  const disabled = readOnly;
  const { shown, locked } = lessonAccess(model);
  return (
    <div className="pg-params">
      {shown('learningRate') && (
        <NumberMenuField
          label={t('pg.learningRate')}
          testId="learning-rate"
          tip={t('pg.learningRate.tip')}
          value={config.learningRate}
          menu={LIMITS.learningRates}
          format={formatRate}
          disabled={disabled}
          locked={locked('learningRate')}
          onChange={(learningRate) => actions.setConfig({ learningRate })}
        />
      )}
      {shown('activation') && (
        <SelectField
          label={t('pg.activation')}
          testId="activation"
          tip={t('pg.activation.tip')}
          value={config.activation}
          options={ACTIVATION_IDS.map((id) => ({ value: id, label: t(`pg.activation.${id}`) }))}
          disabled={disabled}
          locked={locked('activation')}
          onChange={(activation) => actions.setConfig({ activation })}
        />
      )}
      {shown('regularization') && (
        <SelectField
          label={t('pg.regularization')}
          testId="regularization"
          tip={t('pg.regularization.tip')}
          value={config.regularization}
          options={REGULARIZATION_IDS.map((id) => ({ value: id, label: t(`pg.regularization.${id}`) }))}
          disabled={disabled}
          locked={locked('regularization')}
          onChange={(regularization) => actions.setConfig({ regularization })}
        />
      )}
      {shown('regularizationRate') && (
        <NumberMenuField
          label={t('pg.regularizationRate')}
          testId="regularization-rate"
          tip={t('pg.regularizationRate.tip')}
          value={config.regularizationRate}
          menu={LIMITS.regularizationRates}
          format={formatRate}
          disabled={disabled || config.regularization === 'none'}
          locked={locked('regularizationRate')}
          onChange={(regularizationRate) => actions.setConfig({ regularizationRate })}
        />
      )}
      {shown('problem') && (
        <SelectField
          label={t('pg.problem')}
          testId="problem"
          tip={t('pg.problem.tip')}
          value={config.problem}
          options={PROBLEM_TYPES.map((id) => ({ value: id, label: t(`pg.problem.${id}`) }))}
          disabled={disabled}
          locked={locked('problem')}
          onChange={(problem) => actions.setConfig(problemPatch(config, problem))}
        />
      )}
      {shown('optimizer') && (
        <div className="pg-param-group">
          <SelectField
            label={t('pg.optimizer')}
            testId="optimizer"
            tip={t('pg.optimizer.tip')}
            value={config.optimizer.kind}
            options={OPTIMIZER_IDS.map((id) => ({ value: id, label: t(`pg.optimizer.${id}`) }))}
            disabled={disabled}
            locked={locked('optimizer')}
            onChange={(kind) => actions.setConfig(optimizerPatch(config, kind))}
          />
          <OptimizerFields config={config} actions={actions} disabled={disabled} locked={locked('optimizer')} />
        </div>
      )}
      {shown('schedule') && (
        <ScheduleFields
          config={config}
          actions={actions}
          disabled={disabled}
          locked={locked('schedule')}
          learningRateNow={model.metrics.learningRate}
        />
      )}
      <NumberMenuField
        label={t('pg.speed')}
        testId="speed"
        tip={t('pg.speed.tip')}
        // 'max' is "as fast as the server's fair share allows": shown as the top of the scale
        value={model.speed === 'max' ? PROTOCOL_LIMITS.speed.max : model.speed}
        menu={SPEEDS}
        format={(speed) => t('pg.speed.value', { speed })}
        disabled={disabled}
        onChange={actions.setSpeed}
      />
    </div>
  );
}

/** The last command's state, then what `children` add (the read-only note), then the shell's own buttons. */
export function ControlsStatus({ status, toolbarExtra, children }: { status?: CommandStatus; toolbarExtra?: ReactNode; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="pg-toolbar-extra">
      {status?.state === 'pending' && <span className="pg-status">{t('pg.command.pending')}</span>}
      {status?.state === 'failed' && (
        <span className="pg-status pg-status-failed" role="alert">
          {t('pg.command.failed', { message: status.message })}
        </span>
      )}
      {children}
      {toolbarExtra}
    </div>
  );
}

/** Why the controls do nothing, when the session is read-only: `note` from the shell, or the generic one. */
export function ReadOnlyNote({ model, note }: { model: PlaygroundModel; note?: string }) {
  const t = useT();
  if (!model.readOnly) return null;
  return (
    <span className="pg-readonly-note" data-testid="readonly-note">
      {note ?? t('pg.readOnly')}
    </span>
  );
}
