/**
 * Activation functions, as `{ f, df }` data like the playground, plus the
 * layer-wide kernels the network and the grids run: one `switch` per layer
 * and a tight loop inside, so the hot path never calls through an object.
 */
import { ACTIVATION_IDS, type ActivationId } from './config';
import { exp, expm1, sigmoid, tanh } from './exp-math';

export interface ActivationFunction {
  /** the activation of a pre-activation `x` */
  f(x: number): number;
  /** its derivative at `x`, given `fx = f(x)` already computed */
  df(x: number, fx: number): number;
}

const LEAKY_SLOPE = 0.01;

/** log(1 + e^x) without overflow for large x */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(exp(-x)) : Math.log1p(exp(x));
}

export const ACTIVATIONS: Record<ActivationId, ActivationFunction> = {
  relu: { f: (x) => Math.max(0, x), df: (x) => (x <= 0 ? 0 : 1) },
  tanh: { f: tanh, df: (_x, fx) => 1 - fx * fx },
  sigmoid: { f: sigmoid, df: (_x, fx) => fx * (1 - fx) },
  linear: { f: (x) => x, df: () => 1 },
  leakyRelu: { f: (x) => (x > 0 ? x : LEAKY_SLOPE * x), df: (x) => (x > 0 ? 1 : LEAKY_SLOPE) },
  elu: { f: (x) => (x > 0 ? x : expm1(x)), df: (x, fx) => (x > 0 ? 1 : fx + 1) },
  swish: { f: (x) => x * sigmoid(x), df: (x, fx) => fx + sigmoid(x) * (1 - fx) },
  softplus: { f: softplus, df: (x) => sigmoid(x) },
  sine: { f: (x) => Math.sin(x), df: (x) => Math.cos(x) },
  gaussian: { f: (x) => exp(-x * x), df: (x, fx) => -2 * x * fx },
  // The step has no useful gradient: its derivative is 0 everywhere (and we
  // say so rather than produce NaN at 0), so layers below it do not learn.
  binaryStep: { f: (x) => (x >= 0 ? 1 : 0), df: () => 0 },
  mish: {
    f: (x) => x * tanh(softplus(x)),
    df: (x) => {
      const t = tanh(softplus(x));
      return t + x * (1 - t * t) * sigmoid(x);
    },
  },
};

/** Small integer codes of the activations, for the kernels' `switch`. */
export const ActivationCode = Object.fromEntries(ACTIVATION_IDS.map((id, i) => [id, i])) as Record<
  ActivationId,
  number
>;

const RELU = ActivationCode.relu;
const TANH = ActivationCode.tanh;
const SIGMOID = ActivationCode.sigmoid;
const LINEAR = ActivationCode.linear;
const LEAKY_RELU = ActivationCode.leakyRelu;
const ELU = ActivationCode.elu;
const SWISH = ActivationCode.swish;
const SOFTPLUS = ActivationCode.softplus;
const SINE = ActivationCode.sine;
const GAUSSIAN = ActivationCode.gaussian;
const BINARY_STEP = ActivationCode.binaryStep;
const MISH = ActivationCode.mish;

/** out[i] = f(z[i]) for i in [start, end); `out` may be `z` itself. */
export function activateRange(code: number, z: Float64Array, out: Float64Array, start: number, end: number): void {
  switch (code) {
    case TANH:
      for (let i = start; i < end; i++) out[i] = tanh(z[i]!);
      return;
    case RELU:
      for (let i = start; i < end; i++) {
        const x = z[i]!;
        out[i] = x > 0 ? x : 0;
      }
      return;
    case SIGMOID:
      for (let i = start; i < end; i++) out[i] = sigmoid(z[i]!);
      return;
    case LINEAR:
      if (out !== z) for (let i = start; i < end; i++) out[i] = z[i]!;
      return;
    case LEAKY_RELU:
      for (let i = start; i < end; i++) {
        const x = z[i]!;
        out[i] = x > 0 ? x : LEAKY_SLOPE * x;
      }
      return;
    case ELU:
      for (let i = start; i < end; i++) {
        const x = z[i]!;
        out[i] = x > 0 ? x : expm1(x);
      }
      return;
    case SWISH:
      for (let i = start; i < end; i++) {
        const x = z[i]!;
        out[i] = x * sigmoid(x);
      }
      return;
    case SOFTPLUS:
      for (let i = start; i < end; i++) out[i] = softplus(z[i]!);
      return;
    case SINE:
      for (let i = start; i < end; i++) out[i] = Math.sin(z[i]!);
      return;
    case GAUSSIAN:
      for (let i = start; i < end; i++) {
        const x = z[i]!;
        out[i] = exp(-x * x);
      }
      return;
    case BINARY_STEP:
      for (let i = start; i < end; i++) out[i] = z[i]! >= 0 ? 1 : 0;
      return;
    case MISH:
      for (let i = start; i < end; i++) {
        const x = z[i]!;
        out[i] = x * tanh(softplus(x));
      }
      return;
    default:
      throw new RangeError(`unknown activation code ${code}`);
  }
}

/**
 * delta[i] *= f'(z[i]) for i in [start, end), where `a[i] = f(z[i])`: turns
 * dL/d(output) into dL/d(pre-activation) for one layer.
 */
export function multiplyByDerivativeRange(
  code: number,
  z: Float64Array,
  a: Float64Array,
  delta: Float64Array,
  start: number,
  end: number,
): void {
  switch (code) {
    case TANH:
      for (let i = start; i < end; i++) {
        const o = a[i]!;
        delta[i]! *= 1 - o * o;
      }
      return;
    case RELU:
      for (let i = start; i < end; i++) if (z[i]! <= 0) delta[i] = 0;
      return;
    case SIGMOID:
      for (let i = start; i < end; i++) {
        const o = a[i]!;
        delta[i]! *= o * (1 - o);
      }
      return;
    case LINEAR:
      return;
    case LEAKY_RELU:
      for (let i = start; i < end; i++) if (z[i]! <= 0) delta[i]! *= LEAKY_SLOPE;
      return;
    case ELU:
      for (let i = start; i < end; i++) if (z[i]! <= 0) delta[i]! *= a[i]! + 1;
      return;
    case SWISH:
      for (let i = start; i < end; i++) {
        const s = sigmoid(z[i]!);
        const o = a[i]!;
        delta[i]! *= o + s * (1 - o);
      }
      return;
    case SOFTPLUS:
      for (let i = start; i < end; i++) delta[i]! *= sigmoid(z[i]!);
      return;
    case SINE:
      for (let i = start; i < end; i++) delta[i]! *= Math.cos(z[i]!);
      return;
    case GAUSSIAN:
      for (let i = start; i < end; i++) delta[i]! *= -2 * z[i]! * a[i]!;
      return;
    case BINARY_STEP:
      for (let i = start; i < end; i++) delta[i] = 0;
      return;
    case MISH:
      for (let i = start; i < end; i++) {
        const x = z[i]!;
        const t = tanh(softplus(x));
        delta[i]! *= t + x * (1 - t * t) * sigmoid(x);
      }
      return;
    default:
      throw new RangeError(`unknown activation code ${code}`);
  }
}
