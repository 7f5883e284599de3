/**
 * Finite-difference check of the whole update direction: backprop through
 * every activation × output/loss, plus the regularizer's term, as applied by
 * one SGD step, against central differences of the objective
 *   J(θ) = mean loss over a batch + rate · Σ_weights R(w).
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations';
import { ACTIVATION_IDS, DEFAULT_OPTIMIZER, OUTPUT_LOSS_IDS, REGULARIZATION_IDS, type ActivationId, type OutputLossId, type RegularizationId } from './config';
import { Network } from './network';
import { Optimizer } from './optimizers';
import { REGULARIZERS, RegularizerCode } from './regularizers';
import { Rng } from './rng';

const KINKED: ReadonlySet<ActivationId> = new Set(['relu', 'leakyRelu', 'elu', 'binaryStep']);
const POINTS = 5;
const INPUTS = 3;
const RATE = 0.3;

interface Problem {
  net: Network;
  inputs: Float64Array;
  labels: Float64Array;
}

function label(outputLoss: OutputLossId, rng: Rng): number {
  if (outputLoss === 'softmax-xent') return rng.int(3);
  if (outputLoss === 'linear-square') return rng.uniform(-1, 1);
  return rng.next() < 0.5 ? -1 : 1;
}

/** A random network and batch with every pre-activation away from kinks and every weight away from 0. */
function randomProblem(activation: ActivationId, outputLoss: OutputLossId, seed: number): Problem {
  const rng = new Rng(seed);
  const outputs = outputLoss === 'softmax-xent' ? 3 : 1;
  const net = new Network({ layerSizes: [INPUTS, 4, 3, outputs], hiddenActivations: [activation, activation], outputLoss });
  const inputs = Float64Array.from({ length: POINTS * INPUTS }, () => rng.uniform(-2, 2));
  const labels = Float64Array.from({ length: POINTS }, () => label(outputLoss, rng));
  for (;;) {
    for (let i = 0; i < net.params.length; i++) {
      let w = 0;
      while (Math.abs(w) < 0.05) w = rng.uniform(-1, 1);
      net.params[i] = w;
    }
    if (!KINKED.has(activation) || awayFromKinks(net, inputs)) return { net, inputs, labels };
  }
}

function awayFromKinks(net: Network, inputs: Float64Array): boolean {
  for (let p = 0; p < POINTS; p++) {
    net.forward(inputs, p * INPUTS);
    const hidden = net.preActivations.subarray(INPUTS, INPUTS + 7);
    if (hidden.some((z) => Math.abs(z) < 0.01)) return false;
  }
  return true;
}

function objective({ net, inputs, labels }: Problem, regularization: RegularizationId): number {
  let loss = 0;
  for (let p = 0; p < POINTS; p++) {
    net.forward(inputs, p * INPUTS);
    loss += net.loss(labels[p]!);
  }
  let penalty = 0;
  for (let l = 1; l < net.layerSizes.length; l++) {
    const start = net.layerOffsets[l]!;
    const weights = net.layerSizes[l]! * net.layerSizes[l - 1]!;
    for (let i = start; i < start + weights; i++) penalty += REGULARIZERS[regularization].f(net.params[i]!);
  }
  return loss / POINTS + RATE * penalty;
}

/** The direction one SGD step moves the parameters, divided by its learning rate. */
function updateDirection(problem: Problem, regularization: RegularizationId): Float64Array {
  const { net, inputs, labels } = problem;
  const before = Float64Array.from(net.params);
  for (let p = 0; p < POINTS; p++) {
    net.forward(inputs, p * INPUTS);
    net.backward(labels[p]!);
  }
  const learningRate = 1e-4;
  const settings = { learningRate, regularizationCode: RegularizerCode[regularization], regularizationRate: RATE };
  new Optimizer(DEFAULT_OPTIMIZER, net.params.length).update(net, POINTS, settings, new Float64Array(3));
  const direction = before.map((w, i) => (w - net.params[i]!) / learningRate);
  net.params.set(before);
  return direction;
}

const cases = ACTIVATION_IDS.flatMap((activation) =>
  OUTPUT_LOSS_IDS.flatMap((outputLoss) => REGULARIZATION_IDS.map((regularization) => ({ activation, outputLoss, regularization }))),
);

describe('backprop + regularization against finite differences', () => {
  it.each(cases)('$activation × $outputLoss × $regularization', ({ activation, outputLoss, regularization }) => {
    const seed = ACTIVATION_IDS.indexOf(activation) * 100 + OUTPUT_LOSS_IDS.indexOf(outputLoss) * 10 + REGULARIZATION_IDS.indexOf(regularization);
    const problem = randomProblem(activation, outputLoss, seed);
    const analytic = updateDirection(problem, regularization);
    const params = problem.net.params;
    const h = 1e-5;
    for (let i = 0; i < params.length; i++) {
      const w = params[i]!;
      params[i] = w + h;
      const up = objective(problem, regularization);
      params[i] = w - h;
      const down = objective(problem, regularization);
      params[i] = w;
      const numeric = (up - down) / (2 * h);
      expect(Math.abs(analytic[i]! - numeric), `param ${i}: ${analytic[i]} vs ${numeric}`).toBeLessThan(
        2e-6 * Math.max(1, Math.abs(numeric)),
      );
    }
  });

  it('binary step passes no gradient below it, yet the output layer still learns', () => {
    const problem = randomProblem('binaryStep', 'tanh-square', 7);
    const direction = updateDirection(problem, 'none');
    const { net } = problem;
    const firstLayer = direction.subarray(net.layerOffsets[1]!, net.layerOffsets[2]!);
    expect(firstLayer.every((g) => g === 0)).toBe(true);
    const outputLayer = direction.subarray(net.layerOffsets[3]!, net.layerOffsets[4]!);
    expect(outputLayer.some((g) => g !== 0)).toBe(true);
    expect(ACTIVATIONS.binaryStep.df(0, 1)).toBe(0);
  });
});
