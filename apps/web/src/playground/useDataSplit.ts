import { useMemo } from 'react';
import { buildDataSplit, type DataSplit, type TrainerConfig } from '@playroom/engine';

type DataFields = Pick<TrainerConfig, 'dataset' | 'problem' | 'noise' | 'trainRatio' | 'dataSeed' | 'customPoints'>;

/** The config's data regenerated locally (it never travels: same fields, same points); null if the config is unusable. */
export function dataSplitOf(config: DataFields): DataSplit | null {
  try {
    return buildDataSplit(config);
  } catch {
    return null;
  }
}

/** `dataSplitOf`, recomputed only when a data field changes. */
export function useDataSplit(config: DataFields): DataSplit | null {
  const { dataset, problem, noise, trainRatio, dataSeed, customPoints } = config;
  return useMemo(
    () => dataSplitOf({ dataset, problem, noise, trainRatio, dataSeed, customPoints }),
    [dataset, problem, noise, trainRatio, dataSeed, customPoints],
  );
}
