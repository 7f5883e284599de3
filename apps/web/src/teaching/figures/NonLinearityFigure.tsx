import { useState } from 'react';
import { ACTIVATION_IDS, type ActivationId } from '@playroom/engine';
import { useT } from '../../i18n';
import { SelectField } from '../../playground/common/SelectField';
import { ACTIVATION_COLORS, ActivationPlot } from './ActivationPlot';
import { ChartLegend } from './ChartFrame';

/** One activation (chosen) and its slope, drawn with the engine. */
export function NonLinearityFigure() {
  const t = useT();
  const [activation, setActivation] = useState<ActivationId>('tanh');
  const color = ACTIVATION_COLORS[activation];
  return (
    <div className="teach-figure" data-figure="nonLinearity">
      <SelectField<ActivationId>
        label={t('pg.activation')}
        value={activation}
        options={ACTIVATION_IDS.map((id) => ({ value: id, label: t(`pg.activation.${id}`) }))}
        testId="figure-activation"
        onChange={setActivation}
      />
      <ActivationPlot activations={[activation]} derivatives at={null} title={t(`pg.activation.${activation}`)} />
      <ChartLegend items={[{ label: t('teach.fig.f'), color }, { label: t('teach.fig.df'), color, dashed: true }]} />
    </div>
  );
}
