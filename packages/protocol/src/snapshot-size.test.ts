import { createTrainer, DEFAULT_CONFIG, type FeatureId } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { sessionMetricsOf } from './session-view';
import { decodeSnapshot, encodeSnapshot, type SnapshotInput } from './snapshot-codec';

/** A trained network's snapshot input, as the server builds it. */
function trainedSnapshot(features: FeatureId[], epochs: number): SnapshotInput {
  const trainer = createTrainer({
    ...DEFAULT_CONFIG,
    dataset: 'spiral',
    noise: 10,
    features,
    hiddenLayers: [8, 8, 8, 8, 8, 8],
    learningRate: 0.03,
  });
  for (let i = 0; i < epochs; i++) trainer.trainEpoch();
  const metrics = trainer.evaluate();
  return {
    clock: 1234,
    epoch: trainer.epoch,
    ...sessionMetricsOf(metrics),
    playing: true,
    diverged: false,
    layerSizes: trainer.network.layerSizes,
    gradientNorms: metrics.gradientNorms,
    params: trainer.network.params,
    lossTail: [],
  };
}

/** The same data as the JSON a naive server would send. */
function asJson(input: SnapshotInput): string {
  return JSON.stringify({ ...input, layerSizes: Array.from(input.layerSizes), gradientNorms: Array.from(input.gradientNorms), params: Array.from(input.params) });
}

describe('snapshot size', () => {
  const playgroundFeatures: FeatureId[] = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];

  it('SNAP-1: the largest playground network (7→[8×6]→1) is at most 25 % of the same data as JSON', () => {
    const input = trainedSnapshot(playgroundFeatures, 30);
    expect(input.layerSizes).toEqual([7, 8, 8, 8, 8, 8, 8, 1]);
    const binary = encodeSnapshot(input).byteLength;
    expect(binary / asJson(input).length).toBeLessThanOrEqual(0.25);
    // the JSON of the Float32 values the client actually gets is no shorter in a way that matters
    const decoded = decodeSnapshot(encodeSnapshot(input));
    expect(binary / asJson({ ...input, params: decoded.params, gradientNorms: decoded.gradientNorms }).length).toBeLessThanOrEqual(0.25);
  });

  it('SNAP-1: and so is our largest (9 features)', () => {
    const input = trainedSnapshot([...playgroundFeatures, 'cosx1', 'cosx2'], 30);
    expect(encodeSnapshot(input).byteLength / asJson(input).length).toBeLessThanOrEqual(0.25);
  });
});
