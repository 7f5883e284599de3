import type { TrainerConfig } from '@playroom/engine';
import { useT } from '../../i18n';
import { formatRateNow } from '../common/formatNumbers';
import { InfoTip } from '../common/InfoTip';
import { SelectField } from '../common/SelectField';
import { scheduleFor, type ScheduleKind } from '../configEdits';
import type { PlaygroundActions } from '../model';
import { DECAY_PERIODS, DECAY_RATES, PATIENCES, PLATEAU_FACTORS, menuWith } from './hyperParameterMenus';

const SCHEDULE_KINDS: readonly ScheduleKind[] = ['constant', 'exponential', 'plateau'];

interface ScheduleFieldsProps {
  config: TrainerConfig;
  actions: PlaygroundActions;
  disabled: boolean;
  /** the rate training uses now, after the schedule */
  learningRateNow?: number;
}

/** The learning-rate schedule menu, then only the chosen schedule's own settings and the rate it has reached. */
export function ScheduleFields({ config, actions, disabled, learningRateNow }: ScheduleFieldsProps) {
  const t = useT();
  const { schedule } = config;
  const epochs = (n: number) => ({ value: n, label: t('pg.epochs.value', { count: n }) });
  const factor = (f: number) => ({ value: f, label: `×${f}` });
  return (
    <div className="pg-param-group">
      <SelectField
        label={t('pg.schedule')}
        testId="schedule"
        tip={t('pg.schedule.tip')}
        value={schedule.kind}
        options={SCHEDULE_KINDS.map((kind) => ({ value: kind, label: t(`pg.schedule.${kind}`) }))}
        disabled={disabled}
        onChange={(kind) => actions.setConfig({ schedule: scheduleFor(kind) })}
      />
      {schedule.kind === 'exponential' && (
        <>
          <SelectField
            label={t('pg.field.decayRate')}
            testId="decay-rate"
            tip={t('pg.field.decayRate.tip')}
            value={schedule.decayRate}
            options={menuWith(DECAY_RATES, schedule.decayRate).map(factor)}
            disabled={disabled}
            onChange={(decayRate) => actions.setConfig({ schedule: { ...schedule, decayRate } })}
          />
          <SelectField
            label={t('pg.field.decayEpochs')}
            testId="decay-epochs"
            tip={t('pg.field.decayEpochs.tip')}
            value={schedule.decayEpochs}
            options={menuWith(DECAY_PERIODS, schedule.decayEpochs).map(epochs)}
            disabled={disabled}
            onChange={(decayEpochs) => actions.setConfig({ schedule: { ...schedule, decayEpochs } })}
          />
        </>
      )}
      {schedule.kind === 'plateau' && (
        <>
          <SelectField
            label={t('pg.field.plateauFactor')}
            testId="plateau-factor"
            tip={t('pg.field.plateauFactor.tip')}
            value={schedule.factor}
            options={menuWith(PLATEAU_FACTORS, schedule.factor).map(factor)}
            disabled={disabled}
            onChange={(f) => actions.setConfig({ schedule: { ...schedule, factor: f } })}
          />
          <SelectField
            label={t('pg.field.patience')}
            testId="patience"
            tip={t('pg.field.patience.tip')}
            value={schedule.patience}
            options={menuWith(PATIENCES, schedule.patience).map(epochs)}
            disabled={disabled}
            onChange={(patience) => actions.setConfig({ schedule: { ...schedule, patience } })}
          />
        </>
      )}
      {schedule.kind !== 'constant' && learningRateNow !== undefined && (
        <div className="pg-field pg-rate-now">
          <div className="pg-field-label">
            <span>{t('pg.schedule.now')}</span>
            <InfoTip text={t('pg.schedule.now.tip')} />
          </div>
          <output data-testid="learning-rate-now">{formatRateNow(learningRateNow)}</output>
        </div>
      )}
    </div>
  );
}
