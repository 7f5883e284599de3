import { LIMITS } from '@playroom/engine';
import { useT } from '../../i18n';
import { LockMark } from '../common/LockMark';
import { SliderField } from '../common/SliderField';
import { datasetsFor } from '../configEdits';
import { lessonAccess, type PlaygroundActions, type PlaygroundModel } from '../model';
import { DatasetThumbnail } from './DatasetThumbnail';

/**
 * The data column: dataset picker, train/test ratio, noise, batch size and
 * "regenerate" (which draws new points of the dataset, so it follows the
 * dataset's lesson control).
 */
export function DataPanel({ model, actions }: { model: PlaygroundModel; actions: PlaygroundActions }) {
  const t = useT();
  const { config, readOnly } = model;
  const { shown, locked } = lessonAccess(model);
  return (
    <section className="pg-panel pg-data" aria-label={t('pg.data')}>
      <h2 className="pg-panel-title">{t('pg.data')}</h2>
      {shown('dataset') && (
        <>
          <p className="pg-question" data-locked={locked('dataset') || undefined}>
            {t('pg.data.question')}
            {locked('dataset') && <LockMark />}
          </p>
          <div className="pg-datasets" data-testid="datasets">
            {datasetsFor(config).map((kind) => (
              <DatasetThumbnail
                key={kind}
                kind={kind}
                config={config}
                selected={config.dataset === kind}
                disabled={readOnly || locked('dataset') || kind === 'custom'}
                onSelect={(dataset) => dataset !== config.dataset && actions.setConfig({ dataset })}
              />
            ))}
          </div>
        </>
      )}
      {shown('trainRatio') && (
        <SliderField
          label={(value) => t('pg.trainRatio', { value })}
          tip={t('pg.trainRatio.tip')}
          testId="train-ratio"
          value={config.trainRatio}
          min={LIMITS.trainRatio.min}
          max={LIMITS.trainRatio.max}
          step={10}
          disabled={readOnly}
          locked={locked('trainRatio')}
          onChange={(trainRatio) => actions.setConfig({ trainRatio })}
        />
      )}
      {shown('noise') && (
        <SliderField
          label={(value) => t('pg.noise', { value })}
          tip={t('pg.noise.tip')}
          testId="noise"
          value={config.noise}
          min={LIMITS.noise.min}
          max={LIMITS.noise.max}
          step={5}
          disabled={readOnly}
          locked={locked('noise')}
          onChange={(noise) => actions.setConfig({ noise })}
        />
      )}
      {shown('batchSize') && (
        <SliderField
          label={(value) => t('pg.batchSize', { value })}
          tip={t('pg.batchSize.tip')}
          testId="batch-size"
          value={config.batchSize}
          min={LIMITS.batchSize.min}
          max={Math.min(LIMITS.batchSize.max, Math.max(30, config.batchSize))}
          step={1}
          disabled={readOnly}
          locked={locked('batchSize')}
          onChange={(batchSize) => actions.setConfig({ batchSize })}
        />
      )}
      {shown('dataset') && (
        <button
          type="button"
          className="pg-button"
          data-testid="regenerate"
          onClick={actions.regenerateData}
          disabled={readOnly || locked('dataset')}
          title={t('pg.regenerate.tip')}
        >
          {t('pg.regenerate')}
        </button>
      )}
    </section>
  );
}
