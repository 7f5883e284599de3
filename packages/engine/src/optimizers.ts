/**
 * The parameter update applied once per batch: plain SGD (the playground's,
 * operation for operation), SGD with momentum, and Adam. Each update uses the
 * gradient averaged over the examples accumulated since the previous one,
 * then applies the weight penalty (never to biases), then clears the
 * accumulated gradients.
 */
import type { OptimizerConfig, OptimizerId } from './config';
import type { Network } from './network';
import { regularizedWeight } from './regularizers';

/** The optimizer's moving state, JSON-safe. `m` is momentum's velocity or Adam's first moment. */
export interface OptimizerState {
  kind: OptimizerId;
  m?: number[];
  v?: number[];
  /** number of updates applied (Adam's bias correction uses it) */
  step: number;
}

/** One update's settings: the rate and the penalty. */
export interface UpdateSettings {
  learningRate: number;
  regularizationCode: number;
  regularizationRate: number;
}

export class Optimizer {
  readonly config: OptimizerConfig;
  /** momentum velocity or Adam first moment (null for SGD) */
  readonly m: Float64Array | null;
  /** Adam second moment (null otherwise) */
  readonly v: Float64Array | null;
  step = 0;

  /** A fresh optimizer for `size` parameters. */
  constructor(config: OptimizerConfig, size: number) {
    this.config = { ...config };
    this.m = config.kind === 'sgd' ? null : new Float64Array(size);
    this.v = config.kind === 'adam' ? new Float64Array(size) : null;
  }

  /** Loads `exportState()` output; the state's kind must match the config's. */
  load(state: OptimizerState): void {
    if (state.kind !== this.config.kind) {
      throw new RangeError(`optimizer state is for ${state.kind}, config says ${this.config.kind}`);
    }
    copyInto(this.m, state.m, 'optimizer.m');
    copyInto(this.v, state.v, 'optimizer.v');
    this.step = state.step;
  }

  /** The state as plain numbers. */
  exportState(): OptimizerState {
    const state: OptimizerState = { kind: this.config.kind, step: this.step };
    if (this.m) state.m = Array.from(this.m);
    if (this.v) state.v = Array.from(this.v);
    return state;
  }

  /**
   * Applies one update from `network.grads` averaged over `count` examples,
   * clears the gradients, and adds each layer's sum of |average gradient| over
   * its weights into `gradientSums[layer − 1]`.
   */
  update(network: Network, count: number, settings: UpdateSettings, gradientSums: Float64Array): void {
    if (count <= 0) return;
    this.step++;
    const sizes = network.layerSizes;
    for (let l = 1; l < sizes.length; l++) {
      const start = network.layerOffsets[l]!;
      const biasStart = start + sizes[l]! * sizes[l - 1]!;
      const end = network.layerOffsets[l + 1]!;
      let gradientSum: number;
      switch (this.config.kind) {
        case 'sgd':
          gradientSum = this.sgd(network, count, settings, start, biasStart, end);
          break;
        case 'momentum':
          gradientSum = this.momentum(network, count, settings, start, biasStart, end);
          break;
        case 'adam':
          gradientSum = this.adam(network, count, settings, start, biasStart, end);
          break;
      }
      gradientSums[l - 1]! += gradientSum;
    }
  }

  // The playground's update, with its exact order of operations.
  private sgd(net: Network, n: number, s: UpdateSettings, start: number, biasStart: number, end: number): number {
    const { params: p, grads: g } = net;
    const lr = s.learningRate;
    const penalty = lr * s.regularizationRate;
    const code = s.regularizationCode;
    let gradientSum = 0;
    for (let i = start; i < biasStart; i++) {
      const acc = g[i]!;
      gradientSum += Math.abs(acc / n);
      const old = p[i]!;
      p[i] = regularizedWeight(code, old, old - (lr / n) * acc, penalty);
      g[i] = 0;
    }
    for (let i = biasStart; i < end; i++) {
      p[i]! -= (lr * g[i]!) / n;
      g[i] = 0;
    }
    return gradientSum;
  }

  private momentum(net: Network, n: number, s: UpdateSettings, start: number, biasStart: number, end: number): number {
    const { params: p, grads: g } = net;
    const velocity = this.m!;
    const mu = this.config.momentum;
    const lr = s.learningRate;
    const penalty = lr * s.regularizationRate;
    const code = s.regularizationCode;
    let gradientSum = 0;
    for (let i = start; i < end; i++) {
      const grad = g[i]! / n;
      const vel = mu * velocity[i]! + grad;
      velocity[i] = vel;
      const old = p[i]!;
      const next = old - lr * vel;
      if (i < biasStart) {
        gradientSum += Math.abs(grad);
        p[i] = regularizedWeight(code, old, next, penalty);
      } else {
        p[i] = next;
      }
      g[i] = 0;
    }
    return gradientSum;
  }

  private adam(net: Network, n: number, s: UpdateSettings, start: number, biasStart: number, end: number): number {
    const { params: p, grads: g } = net;
    const m = this.m!;
    const v = this.v!;
    const { beta1, beta2, epsilon } = this.config;
    const correction1 = 1 / (1 - Math.pow(beta1, this.step));
    const correction2 = 1 / (1 - Math.pow(beta2, this.step));
    const lr = s.learningRate;
    const penalty = lr * s.regularizationRate;
    const code = s.regularizationCode;
    let gradientSum = 0;
    for (let i = start; i < end; i++) {
      const grad = g[i]! / n;
      const mi = beta1 * m[i]! + (1 - beta1) * grad;
      const vi = beta2 * v[i]! + (1 - beta2) * grad * grad;
      m[i] = mi;
      v[i] = vi;
      const old = p[i]!;
      const next = old - (lr * mi * correction1) / (Math.sqrt(vi * correction2) + epsilon);
      if (i < biasStart) {
        gradientSum += Math.abs(grad);
        p[i] = regularizedWeight(code, old, next, penalty);
      } else {
        p[i] = next;
      }
      g[i] = 0;
    }
    return gradientSum;
  }
}

function copyInto(target: Float64Array | null, source: number[] | undefined, name: string): void {
  if (!target) return;
  if (!source || source.length !== target.length) {
    throw new RangeError(`${name} must have ${target.length} numbers, got ${source?.length ?? 'none'}`);
  }
  target.set(source);
}
