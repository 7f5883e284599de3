import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIMIZER, type OptimizerConfig } from './config';
import { Network } from './network';
import { Optimizer } from './optimizers';
import { RegularizerCode } from './regularizers';

/** 2 → 1 linear network: params [w0, w1, b]. */
function network(params: number[], grads: number[]): Network {
  const net = new Network({ layerSizes: [2, 1], hiddenActivations: [], outputLoss: 'linear-square' });
  net.params.set(params);
  net.grads.set(grads);
  return net;
}

const none = { regularizationCode: RegularizerCode.none, regularizationRate: 0 };

describe('Optimizer', () => {
  it('SGD is the playground update: averaged gradient, then the penalty on weights only, then clears', () => {
    const net = network([0.5, -0.25, 0.1], [0.8, -0.4, 2]);
    const sums = new Float64Array(1);
    const optimizer = new Optimizer(DEFAULT_OPTIMIZER, 3);
    optimizer.update(net, 4, { learningRate: 0.1, regularizationCode: RegularizerCode.l2, regularizationRate: 0.5 }, sums);
    // weight: w − (lr/n)·acc, then − lr·rate·w_old;  bias: b − lr·acc/n, no penalty
    expect(net.params[0]).toBe(0.5 - (0.1 / 4) * 0.8 - 0.1 * 0.5 * 0.5);
    expect(net.params[1]).toBe(-0.25 - (0.1 / 4) * -0.4 - 0.1 * 0.5 * -0.25);
    expect(net.params[2]).toBe(0.1 - (0.1 * 2) / 4);
    expect(Array.from(net.grads)).toEqual([0, 0, 0]);
    // mean |gradient| bookkeeping: |0.8/4| + |−0.4/4| over the layer's weights
    expect(sums[0]).toBeCloseTo(0.3, 15);
    expect(optimizer.step).toBe(1);
  });

  it('does nothing when no example was accumulated', () => {
    const net = network([1, 2, 3], [0, 0, 0]);
    new Optimizer(DEFAULT_OPTIMIZER, 3).update(net, 0, { learningRate: 1, ...none }, new Float64Array(1));
    expect(Array.from(net.params)).toEqual([1, 2, 3]);
  });

  it('momentum keeps a velocity v ← μv + g and steps by lr·v', () => {
    const config: OptimizerConfig = { ...DEFAULT_OPTIMIZER, kind: 'momentum', momentum: 0.9 };
    const optimizer = new Optimizer(config, 3);
    const net = network([0, 0, 0], [1, 0, 0]);
    const settings = { learningRate: 0.1, ...none };
    optimizer.update(net, 1, settings, new Float64Array(1));
    expect(net.params[0]).toBeCloseTo(-0.1, 15);
    net.grads[0] = 1;
    optimizer.update(net, 1, settings, new Float64Array(1));
    expect(net.params[0]).toBeCloseTo(-0.1 - 0.1 * 1.9, 15);
    expect(optimizer.m![0]).toBeCloseTo(1.9, 15);
  });

  it('Adam takes bias-corrected steps of about lr, whatever the gradient scale', () => {
    const config: OptimizerConfig = { ...DEFAULT_OPTIMIZER, kind: 'adam' };
    for (const scale of [1e-3, 1, 1e3]) {
      const optimizer = new Optimizer(config, 3);
      const net = network([0, 0, 0], [scale, -scale, 0]);
      optimizer.update(net, 1, { learningRate: 0.01, ...none }, new Float64Array(1));
      expect(net.params[0]).toBeCloseTo(-0.01, 6);
      expect(net.params[1]).toBeCloseTo(0.01, 6);
      expect(net.params[2]).toBe(0);
    }
  });

  it('exports and loads its state, and refuses a state of another kind', () => {
    const config: OptimizerConfig = { ...DEFAULT_OPTIMIZER, kind: 'adam' };
    const optimizer = new Optimizer(config, 3);
    optimizer.update(network([0, 0, 0], [1, 2, 3]), 1, { learningRate: 0.01, ...none }, new Float64Array(1));
    const state = JSON.parse(JSON.stringify(optimizer.exportState()));
    const restored = new Optimizer(config, 3);
    restored.load(state);
    expect(restored.exportState()).toEqual(optimizer.exportState());
    expect(() => new Optimizer(DEFAULT_OPTIMIZER, 3).load(state)).toThrow(/adam/);
    expect(() => restored.load({ ...state, m: [1] })).toThrow(/optimizer.m/);
  });
});
