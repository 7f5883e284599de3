import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, ActivationCode, activateRange, multiplyByDerivativeRange } from './activations';
import { ACTIVATION_IDS } from './config';
import { Rng } from './rng';

/** Sample points kept away from the kinks at 0 (ReLU, leaky ReLU, ELU's second derivative, the step). */
function points(seed: number, count: number): number[] {
  const rng = new Rng(seed);
  const xs: number[] = [];
  while (xs.length < count) {
    const x = rng.uniform(-4, 4);
    if (Math.abs(x) > 0.01) xs.push(x);
  }
  return xs;
}

describe('activations', () => {
  const differentiable = ACTIVATION_IDS.filter((id) => id !== 'binaryStep');

  it.each(differentiable)('%s: df matches a central finite difference of f', (id) => {
    const { f, df } = ACTIVATIONS[id];
    const h = 1e-6;
    for (const x of points(11, 200)) {
      const numeric = (f(x + h) - f(x - h)) / (2 * h);
      expect(df(x, f(x))).toBeCloseTo(numeric, 6);
    }
  });

  it('binary step is 0/1 with derivative 0 everywhere, never NaN', () => {
    const { f, df } = ACTIVATIONS.binaryStep;
    expect([f(-2), f(-1e-9), f(0), f(3)]).toEqual([0, 0, 1, 1]);
    for (const x of [-5, 0, 5]) expect(df(x, f(x))).toBe(0);
  });

  it.each(ACTIVATION_IDS)('%s: the layer kernels compute exactly f and f′ (bit for bit)', (id) => {
    const xs = points(12, 64);
    const z = Float64Array.from(xs);
    const a = new Float64Array(xs.length);
    activateRange(ActivationCode[id], z, a, 0, xs.length);
    const delta = Float64Array.from(xs, (_, i) => 1 + i);
    multiplyByDerivativeRange(ActivationCode[id], z, a, delta, 0, xs.length);
    xs.forEach((x, i) => {
      const fx = ACTIVATIONS[id].f(x);
      expect(a[i]).toBe(fx);
      expect(delta[i]).toBeCloseTo((1 + i) * ACTIVATIONS[id].df(x, fx), 12);
    });
  });

  it('kernels touch only the requested range and may work in place', () => {
    const z = Float64Array.from([-1, 2, -3, 4]);
    activateRange(ActivationCode.relu, z, z, 1, 3);
    expect(Array.from(z)).toEqual([-1, 2, 0, 4]);
  });

  it('saturating activations stay finite for huge inputs', () => {
    for (const id of ['tanh', 'sigmoid', 'softplus', 'swish', 'elu', 'gaussian', 'mish'] as const) {
      for (const x of [-1e6, -800, 800, 1e6]) {
        const { f, df } = ACTIVATIONS[id];
        const fx = f(x);
        expect(Number.isNaN(fx), `${id}(${x})`).toBe(false);
        expect(Number.isNaN(df(x, fx)), `${id}'(${x})`).toBe(false);
      }
    }
  });
});
