/**
 * When training has diverged, and how to say so to a teacher. Three signs,
 * checked after every training call:
 * - 'not-finite': a loss or a parameter became NaN or ±Infinity;
 * - 'exploded': a parameter grew beyond ±1e6 (on its way to Infinity; no
 *   playground problem needs weights anywhere near that);
 * - 'saturated': the train loss is far worse than predicting nothing (output
 *   0, or uniform class probabilities) AND every layer's gradient vanished,
 *   so training cannot recover. This is what a too-high learning rate does to
 *   a bounded output (tanh, sigmoid, softmax): it blows the weights into
 *   saturation, where the loss is stuck high instead of becoming NaN.
 */
import type { OutputLossId } from './config';
import type { HandSetParameter } from './hand-set-parameters';

export type DivergenceKind = 'not-finite' | 'exploded' | 'saturated';

/** Why training stopped. */
export interface Divergence {
  kind: DivergenceKind;
  /** in English, for a teacher; the UI may translate by `kind` */
  reason: string;
  /**
   * the epoch training stopped at: the failing training was undone, so this
   * is the session's epoch count (what a viewer's counter shows) and its weights
   */
  epoch: number;
  /** a weight or bias typed by hand, absurdly large and still in place: the cause, rather than the learning rate */
  handSet?: HandSetParameter;
}

/** A parameter beyond this magnitude counts as exploded. */
export const EXPLODED_WEIGHT = 1e6;
/** Saturated: the loss is above this multiple of the uninformed loss... */
export const SATURATED_LOSS_RATIO = 1.5;
/** ...and every layer's mean |gradient| is below this. */
export const VANISHED_GRADIENT = 1e-4;

/** The position of the first NaN, ±Infinity or |value| > `limit` in `values`, or −1. */
export function firstOutOfRange(values: Float64Array, limit = Number.MAX_VALUE): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // written so that NaN fails the test too
    if (!(v <= limit && v >= -limit)) return i;
  }
  return -1;
}

/** What is wrong with parameters and optimizer moments after training ('exploded' or 'not-finite'), or null. */
export function parameterFailure(params: Float64Array, m: Float64Array | null, v: Float64Array | null): DivergenceKind | null {
  const bad = firstOutOfRange(params, EXPLODED_WEIGHT);
  if (bad >= 0) return Number.isFinite(params[bad]) ? 'exploded' : 'not-finite';
  if ((m && firstOutOfRange(m) >= 0) || (v && firstOutOfRange(v) >= 0)) return 'not-finite';
  return null;
}

/**
 * The loss of a network that knows nothing: output 0 for the square losses
 * (mean ½y² over `labels`), probability ½ for sigmoid (ln 2), uniform
 * probabilities for softmax (ln k).
 */
export function uninformedLoss(outputLoss: OutputLossId, labels: Float64Array, count: number, numClasses: number): number {
  switch (outputLoss) {
    case 'tanh-square':
    case 'linear-square': {
      if (count === 0) return 0;
      let sum = 0;
      for (let i = 0; i < count; i++) sum += 0.5 * labels[i]! * labels[i]!;
      return sum / count;
    }
    case 'sigmoid-xent':
      return Math.LN2;
    case 'softmax-xent':
      return Math.log(Math.max(2, numClasses));
  }
}

/** Whether a finite epoch result shows saturation (see the module comment). */
export function isSaturated(trainLoss: number, uninformed: number, gradientNorms: readonly number[]): boolean {
  return (
    uninformed > 0 &&
    trainLoss > SATURATED_LOSS_RATIO * uninformed &&
    gradientsVanished(gradientNorms)
  );
}

/** Whether every layer's mean |gradient| is below VANISHED_GRADIENT (one sign of saturation). */
export function gradientsVanished(gradientNorms: readonly number[]): boolean {
  return gradientNorms.every((norm) => norm < VANISHED_GRADIENT);
}

/**
 * The message for a teacher; `epoch` is where training stopped
 * (Divergence.epoch). With `handSet`, the typed value is named as the cause.
 */
export function divergenceReason(kind: DivergenceKind, learningRate: number, epoch: number, handSet?: HandSetParameter): string {
  const what =
    kind === 'not-finite'
      ? 'the loss or a weight became NaN or infinite'
      : kind === 'exploded'
        ? `a weight grew beyond ±${EXPLODED_WEIGHT.toExponential(0)}`
        : 'the outputs saturated at wrong values and the gradients vanished, so it cannot recover';
  const stopped = `Training stopped at epoch ${epoch}, with its weights`;
  if (handSet) {
    const { layer, to, from, value } = handSet;
    const which = from === null ? `bias you set by hand (layer ${layer}, neuron ${to + 1})` : `weight you set by hand (layer ${layer}, into neuron ${to + 1} from neuron ${from + 1})`;
    return (
      `Training diverged after epoch ${epoch}: training on, ${what}. The ${which} to ${value.toExponential()} is far too large ` +
      `for this network. ${stopped}; set it back to a small number (or reset the network) to continue.`
    );
  }
  const remedy =
    kind === 'saturated'
      ? 'lower the learning rate and reset the network to continue'
      : 'lower the learning rate to continue';
  return `Training diverged after epoch ${epoch}: training on, ${what}. The learning rate (${learningRate}) is probably too high for this network. ${stopped}; ${remedy}.`;
}
