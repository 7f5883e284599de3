import { describe, expect, it } from 'vitest';
import { BlockBuffers, backwardBlock, forwardBlock } from './block-kernels';
import { ACTIVATION_IDS, OUTPUT_LOSS_IDS, type ActivationId, type OutputLossId } from './config';
import { Network } from './network';
import { Rng } from './rng';

const POINTS = 23;
const FEATURES = 9;

function setUp(activation: ActivationId, outputLoss: OutputLossId, seed: number) {
  const rng = new Rng(seed);
  const outputs = outputLoss === 'softmax-xent' ? 4 : 1;
  const shape = { layerSizes: [FEATURES, 8, 5, 8, outputs], hiddenActivations: [activation, 'tanh', activation] as ActivationId[], outputLoss };
  const one = new Network(shape);
  const block = new Network(shape);
  for (let i = 0; i < one.params.length; i++) one.params[i] = rng.uniform(-1.5, 1.5);
  block.params.set(one.params);
  // feature-major inputs for the block path, row-major for the one-point path
  const featureMajor = Float64Array.from({ length: FEATURES * POINTS }, () => rng.uniform(-6, 6));
  const rows = new Float64Array(FEATURES * POINTS);
  for (let p = 0; p < POINTS; p++) for (let f = 0; f < FEATURES; f++) rows[p * FEATURES + f] = featureMajor[f * POINTS + p]!;
  const labels = Float64Array.from({ length: POINTS }, () =>
    outputLoss === 'softmax-xent' ? rng.int(4) : outputLoss === 'linear-square' ? rng.uniform(-1, 1) : rng.next() < 0.5 ? -1 : 1,
  );
  return { one, block, featureMajor, rows, labels };
}

describe('block kernels', () => {
  const cases = ACTIVATION_IDS.flatMap((activation) => OUTPUT_LOSS_IDS.map((outputLoss) => ({ activation, outputLoss })));

  it.each(cases)('$activation × $outputLoss: same outputs and gradients as one point at a time, bit for bit', ({ activation, outputLoss }) => {
    const { one, block, featureMajor, rows, labels } = setUp(activation, outputLoss, ACTIVATION_IDS.indexOf(activation) + 50);
    const first = 3;
    const count = 17; // a partial block, not starting at 0
    const buf = new BlockBuffers(block.outputs.length, 32);
    forwardBlock(block, featureMajor, POINTS, first, count, buf);
    backwardBlock(block, labels, first, count, buf);
    for (let q = 0; q < count; q++) {
      one.forward(rows, (first + q) * FEATURES);
      for (let n = 0; n < one.outputs.length; n++) {
        expect(buf.a[n * buf.stride + q]).toBe(one.outputs[n]);
        if (n >= FEATURES) expect(buf.z[n * buf.stride + q]).toBe(one.preActivations[n]);
      }
      one.backward(labels[first + q]!);
    }
    expect(Array.from(block.grads)).toEqual(Array.from(one.grads));
  });

  it('accumulates onto gradients already there (a batch split over several blocks)', () => {
    const { block, featureMajor, labels } = setUp('tanh', 'tanh-square', 3);
    const whole = new Network(block);
    whole.params.set(block.params);
    const buf = new BlockBuffers(block.outputs.length, POINTS);
    forwardBlock(whole, featureMajor, POINTS, 0, POINTS, buf);
    backwardBlock(whole, labels, 0, POINTS, buf);
    for (const [first, count] of [[0, 10], [10, 13]] as const) {
      forwardBlock(block, featureMajor, POINTS, first, count, buf);
      backwardBlock(block, labels, first, count, buf);
    }
    expect(Array.from(block.grads)).toEqual(Array.from(whole.grads));
  });
});
