import type { TrainerConfig } from '@playroom/engine';
import { useT } from '../../i18n';
import type { PlaygroundActions } from '../model';
import { BETA1S, BETA2S, MOMENTUMS } from './hyperParameterMenus';
import { NumberMenuField } from './NumberMenuField';

interface OptimizerFieldsProps {
  config: TrainerConfig;
  actions: PlaygroundActions;
  disabled: boolean;
  /** the teacher locked it for the lesson (LESSON-1) */
  locked?: boolean;
}

/** The chosen optimizer's coefficients: momentum for Momentum, β1 and β2 for Adam, nothing for SGD. */
export function OptimizerFields({ config, actions, disabled, locked }: OptimizerFieldsProps) {
  const t = useT();
  const { optimizer } = config;
  const set = (patch: Partial<TrainerConfig['optimizer']>) => actions.setConfig({ optimizer: { ...optimizer, ...patch } });
  if (optimizer.kind === 'momentum') {
    return (
      <NumberMenuField
        label={t('pg.field.momentum')}
        testId="momentum"
        tip={t('pg.field.momentum.tip')}
        value={optimizer.momentum}
        menu={MOMENTUMS}
        format={String}
        disabled={disabled}
        locked={locked}
        onChange={(momentum) => set({ momentum })}
      />
    );
  }
  if (optimizer.kind === 'adam') {
    return (
      <>
        <NumberMenuField
          label={t('pg.field.beta1')}
          testId="beta1"
          tip={t('pg.field.beta1.tip')}
          value={optimizer.beta1}
          menu={BETA1S}
          format={String}
          disabled={disabled}
          locked={locked}
          onChange={(beta1) => set({ beta1 })}
        />
        <NumberMenuField
          label={t('pg.field.beta2')}
          testId="beta2"
          tip={t('pg.field.beta2.tip')}
          value={optimizer.beta2}
          menu={BETA2S}
          format={String}
          disabled={disabled}
          locked={locked}
          onChange={(beta2) => set({ beta2 })}
        />
      </>
    );
  }
  return null;
}
