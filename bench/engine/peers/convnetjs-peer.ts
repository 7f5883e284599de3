/**
 * convnetjs: fully connected tanh layers, plain SGD with mini-batches of 10
 * and no momentum or decay, like ours. Its regression head is a linear unit
 * with a squared loss (ours: tanh unit), the closest it offers.
 */
import { createRequire } from 'node:module';
import type { BenchCase } from '../bench-cases';
import { gridInputs, squareLoss } from '../bench-cases';
import type { Peer, PeerRun } from './peer';

const require = createRequire(import.meta.url);

export async function loadConvnetjs(): Promise<Peer> {
  const convnetjs = (await import('convnetjs')).default;
  const version = (require('convnetjs/package.json') as { version: string }).version;
  return {
    name: `convnetjs@${version}`,
    notes: 'SGD, batch 10, tanh hidden, linear output + L2 loss',
    async setUp(c: BenchCase): Promise<PeerRun> {
      const width = c.features.length;
      const net = new convnetjs.Net();
      net.makeLayers([
        { type: 'input', out_sx: 1, out_sy: 1, out_depth: width },
        ...c.hiddenLayers.map((size) => ({ type: 'fc', num_neurons: size, activation: 'tanh' })),
        { type: 'regression', num_neurons: 1 },
      ]);
      const trainer = new convnetjs.Trainer(net, {
        method: 'sgd',
        learning_rate: c.learningRate,
        batch_size: c.batchSize,
        momentum: 0,
        l2_decay: 0,
      });
      const toVols = (inputs: Float64Array): InstanceType<typeof convnetjs.Vol>[] => {
        const vols = [];
        for (let p = 0; p < inputs.length / width; p++) {
          const vol = new convnetjs.Vol(1, 1, width, 0);
          vol.w.set(inputs.subarray(p * width, (p + 1) * width));
          vols.push(vol);
        }
        return vols;
      };
      const trainVols = toVols(c.trainInputs);
      const testVols = toVols(c.testInputs);
      const gridVol = new convnetjs.Vol(1, 1, width, 0);
      const gridPoints = gridInputs(c);
      let last = { trainLoss: Number.NaN, testLoss: Number.NaN };
      const lossOver = (vols: typeof trainVols, labels: Float64Array): number => {
        const predictions = vols.map((vol) => net.forward(vol).w[0]!);
        return squareLoss(predictions, labels);
      };
      return {
        epoch() {
          for (let i = 0; i < trainVols.length; i++) trainer.train(trainVols[i]!, [c.trainLabels[i]!]);
          last = { trainLoss: lossOver(trainVols, c.trainLabels), testLoss: lossOver(testVols, c.testLabels) };
        },
        losses: () => last,
        gridLabel: '10,000 forward passes',
        grid() {
          let sum = 0;
          for (let p = 0; p < gridPoints.length / width; p++) {
            gridVol.w.set(gridPoints.subarray(p * width, (p + 1) * width));
            sum += net.forward(gridVol).w[0]!;
          }
          return sum;
        },
      };
    },
  };
}
