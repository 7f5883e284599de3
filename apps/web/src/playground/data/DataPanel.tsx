import { LIMITS } from '@playroom/engine';
import { useT } from '../../i18n';
import { SliderField } from '../common/SliderField';
import { datasetsFor } from '../configEdits';
import type { PlaygroundActions, PlaygroundModel } from '../model';
import { DatasetThumbnail } from './DatasetThumbnail';

/** The data column: dataset picker, train/test ratio, noise, batch size and "regenerate". */
export function DataPanel({ model, actions }: { model: PlaygroundModel; actions: PlaygroundActions }) {
  const t = useT();
  const { config, readOnly } = model;
  return (
    <section className="pg-panel pg-data" aria-label={t('pg.data')}>
      <h2 className="pg-panel-title">{t('pg.data')}</h2>
      <p className="pg-question">{t('pg.data.question')}</p>
      <div className="pg-datasets">
        {datasetsFor(config).map((kind) => (
          <DatasetThumbnail
            key={kind}
            kind={kind}
            config={config}
            selected={config.dataset === kind}
            disabled={readOnly || kind === 'custom'}
            onSelect={(dataset) => dataset !== config.dataset && actions.setConfig({ dataset })}
          />
        ))}
      </div>
      <SliderField
        label={(value) => t('pg.trainRatio', { value })}
        tip={t('pg.trainRatio.tip')}
        value={config.trainRatio}
        min={LIMITS.trainRatio.min}
        max={LIMITS.trainRatio.max}
        step={10}
        disabled={readOnly}
        onChange={(trainRatio) => actions.setConfig({ trainRatio })}
      />
      <SliderField
        label={(value) => t('pg.noise', { value })}
        tip={t('pg.noise.tip')}
        value={config.noise}
        min={LIMITS.noise.min}
        max={LIMITS.noise.max}
        step={5}
        disabled={readOnly}
        onChange={(noise) => actions.setConfig({ noise })}
      />
      <SliderField
        label={(value) => t('pg.batchSize', { value })}
        tip={t('pg.batchSize.tip')}
        value={config.batchSize}
        min={LIMITS.batchSize.min}
        max={Math.min(LIMITS.batchSize.max, Math.max(30, config.batchSize))}
        step={1}
        disabled={readOnly}
        onChange={(batchSize) => actions.setConfig({ batchSize })}
      />
      <button
        type="button"
        className="pg-button"
        onClick={actions.regenerateData}
        disabled={readOnly}
        title={t('pg.regenerate.tip')}
      >
        {t('pg.regenerate')}
      </button>
    </section>
  );
}
