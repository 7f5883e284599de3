import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainerConfig } from './config';
import { FEATURES, PLAYGROUND_FEATURES } from './features';
import { argmaxGrid, decisionGrids, gridIndex, gridX, gridY, neuronCount } from './grid';
import { createTrainer } from './trainer';

function trained(overrides: Partial<TrainerConfig>) {
  const trainer = createTrainer({ ...DEFAULT_CONFIG, ...overrides });
  for (let e = 0; e < 5; e++) trainer.trainEpoch();
  return trainer;
}

describe('decision grids', () => {
  it('hold every neuron, features first, row 0 at the top, equal to forward passes (as float32)', () => {
    const config = { features: [...PLAYGROUND_FEATURES], hiddenLayers: [8, 5, 3], activation: 'relu' as const, dataset: 'spiral' as const };
    const { network } = trained(config);
    const size = 31;
    const grids = decisionGrids(network, config.features, { size });
    expect(neuronCount(network)).toBe(7 + 8 + 5 + 3 + 1);
    expect(grids.length).toBe(neuronCount(network) * size * size);
    for (const [row, col] of [[0, 0], [0, 30], [30, 0], [15, 15], [7, 22], [29, 3]] as const) {
      const x = gridX(col, size, 6);
      const y = gridY(row, size, 6);
      network.forward(config.features.map((id) => FEATURES[id].f(x, y)));
      for (let n = 0; n < neuronCount(network); n++) {
        expect(grids[n * size * size + row * size + col]).toBe(Math.fround(network.outputs[n]!));
      }
    }
    // corners: top-left is (−6, 6), bottom-right (6, −6)
    expect(grids[gridIndex(network, 0, 0) * size * size]).toBe(-6);
    expect(grids[gridIndex(network, 0, 1) * size * size]).toBe(6);
    expect(grids[gridIndex(network, 0, 0) * size * size + size * size - 1]).toBe(6);
  });

  it('reuse the buffer passed in, and reallocate only when it is too small', () => {
    const { network } = trained({});
    const first = decisionGrids(network, DEFAULT_CONFIG.features);
    expect(first.length).toBe(neuronCount(network) * 100 * 100);
    expect(decisionGrids(network, DEFAULT_CONFIG.features, {}, first)).toBe(first);
    const bigger = decisionGrids(network, DEFAULT_CONFIG.features, { size: 120 }, first);
    expect(bigger).not.toBe(first);
    expect(bigger.length).toBe(neuronCount(network) * 120 * 120);
  });

  it('cover a custom domain', () => {
    const { network } = trained({});
    const grids = decisionGrids(network, DEFAULT_CONFIG.features, { size: 3, domain: 2 });
    expect(Array.from(grids.subarray(0, 9))).toEqual([-2, 0, 2, -2, 0, 2, -2, 0, 2]);
    expect(Array.from(grids.subarray(9, 18))).toEqual([2, 2, 2, 0, 0, 0, -2, -2, -2]);
  });

  it('for softmax, hold class probabilities that sum to 1, and argmaxGrid picks the class', () => {
    const { network } = trained({ problem: 'multiclass', dataset: 'four-class', outputLoss: 'softmax-xent', hiddenLayers: [6] });
    const size = 20;
    const points = size * size;
    const grids = decisionGrids(network, DEFAULT_CONFIG.features, { size });
    const first = gridIndex(network, 2, 0) * points;
    const classes = argmaxGrid(network, grids, size);
    for (let p = 0; p < points; p += 37) {
      const probabilities = [0, 1, 2, 3].map((c) => grids[first + c * points + p]!);
      expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      expect(classes[p]).toBe(probabilities.indexOf(Math.max(...probabilities)));
    }
    expect(new Set(classes).size).toBeGreaterThan(1);
  });

  it('refuse a feature list that does not fit the network', () => {
    const { network } = trained({});
    expect(() => decisionGrids(network, ['x1'])).toThrow(/2 inputs/);
    expect(() => decisionGrids(network, DEFAULT_CONFIG.features, { size: 1 })).toThrow(/size/);
    expect(() => gridIndex(network, 1, 4)).toThrow(/neuron 4/);
  });
});
