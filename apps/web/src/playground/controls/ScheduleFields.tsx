import type { TrainerConfig } from '@playroom/engine';
import { useT } from '../../i18n';
import { formatRateNow } from '../common/formatNumbers';
import { InfoTip } from '../common/InfoTip';
import { SelectField } from '../common/SelectField';
import { scheduleFor, type ScheduleKind } from '../configEdits';
import type { PlaygroundActions } from '../model';
import { DECAY_PERIODS, DECAY_RATES, PATIENCES, PLATEAU_FACTORS } from './hyperParameterMenus';
import { NumberMenuField } from './NumberMenuField';

const SCHEDULE_KINDS: readonly ScheduleKind[] = ['constant', 'exponential', 'plateau'];

interface ScheduleFieldsProps {
  config: TrainerConfig;
  actions: PlaygroundActions;
  disabled: boolean;
  /** the teacher locked it for the lesson (LESSON-1) */
  locked?: boolean;
  /** the rate training uses now, after the schedule */
  learningRateNow?: number;
}

/** The learning-rate schedule menu, then only the chosen schedule's own settings and the rate it has reached. */
export function ScheduleFields({ config, actions, disabled, locked, learningRateNow }: ScheduleFieldsProps) {
  const t = useT();
  const { schedule } = config;
  const epochs = (n: number) => t('pg.epochs.value', { count: n });
  const factor = (f: number) => `×${f}`;
  return (
    <div className="pg-param-group">
      <SelectField
        label={t('pg.schedule')}
        testId="schedule"
        tip={t('pg.schedule.tip')}
        value={schedule.kind}
        options={SCHEDULE_KINDS.map((kind) => ({ value: kind, label: t(`pg.schedule.${kind}`) }))}
        disabled={disabled}
        locked={locked}
        onChange={(kind) => actions.setConfig({ schedule: scheduleFor(kind) })}
      />
      {schedule.kind === 'exponential' && (
        <>
          <NumberMenuField
            label={t('pg.field.decayRate')}
            testId="decay-rate"
            tip={t('pg.field.decayRate.tip')}
            value={schedule.decayRate}
            menu={DECAY_RATES}
            format={factor}
            disabled={disabled}
            locked={locked}
            onChange={(decayRate) => actions.setConfig({ schedule: { ...schedule, decayRate } })}
          />
          <NumberMenuField
            label={t('pg.field.decayEpochs')}
            testId="decay-epochs"
            tip={t('pg.field.decayEpochs.tip')}
            value={schedule.decayEpochs}
            menu={DECAY_PERIODS}
            format={epochs}
            disabled={disabled}
            locked={locked}
            onChange={(decayEpochs) => actions.setConfig({ schedule: { ...schedule, decayEpochs } })}
          />
        </>
      )}
      {schedule.kind === 'plateau' && (
        <>
          <NumberMenuField
            label={t('pg.field.plateauFactor')}
            testId="plateau-factor"
            tip={t('pg.field.plateauFactor.tip')}
            value={schedule.factor}
            menu={PLATEAU_FACTORS}
            format={factor}
            disabled={disabled}
            locked={locked}
            onChange={(f) => actions.setConfig({ schedule: { ...schedule, factor: f } })}
          />
          <NumberMenuField
            label={t('pg.field.patience')}
            testId="patience"
            tip={t('pg.field.patience.tip')}
            value={schedule.patience}
            menu={PATIENCES}
            format={epochs}
            disabled={disabled}
            locked={locked}
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
