import type { TrainerConfig } from '@playroom/engine';
import { useT } from '../../i18n';
import { SelectField } from '../common/SelectField';
import type { PlaygroundActions } from '../model';
import { BETA1S, BETA2S, MOMENTUMS, menuWith } from './hyperParameterMenus';

interface OptimizerFieldsProps {
  config: TrainerConfig;
  actions: PlaygroundActions;
  disabled: boolean;
}

/** The chosen optimizer's coefficients: momentum for Momentum, β1 and β2 for Adam, nothing for SGD. */
export function OptimizerFields({ config, actions, disabled }: OptimizerFieldsProps) {
  const t = useT();
  const { optimizer } = config;
  const option = (v: number) => ({ value: v, label: String(v) });
  const set = (patch: Partial<TrainerConfig['optimizer']>) => actions.setConfig({ optimizer: { ...optimizer, ...patch } });
  if (optimizer.kind === 'momentum') {
    return (
      <SelectField
        label={t('pg.field.momentum')}
        testId="momentum"
        tip={t('pg.field.momentum.tip')}
        value={optimizer.momentum}
        options={menuWith(MOMENTUMS, optimizer.momentum).map(option)}
        disabled={disabled}
        onChange={(momentum) => set({ momentum })}
      />
    );
  }
  if (optimizer.kind === 'adam') {
    return (
      <>
        <SelectField
          label={t('pg.field.beta1')}
          testId="beta1"
          tip={t('pg.field.beta1.tip')}
          value={optimizer.beta1}
          options={menuWith(BETA1S, optimizer.beta1).map(option)}
          disabled={disabled}
          onChange={(beta1) => set({ beta1 })}
        />
        <SelectField
          label={t('pg.field.beta2')}
          testId="beta2"
          tip={t('pg.field.beta2.tip')}
          value={optimizer.beta2}
          options={menuWith(BETA2S, optimizer.beta2).map(option)}
          disabled={disabled}
          onChange={(beta2) => set({ beta2 })}
        />
      </>
    );
  }
  return null;
}
