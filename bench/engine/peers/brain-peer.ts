/**
 * brain.js 1.x: tanh everywhere (output included, like ours), but it only
 * trains online (an update after every example, batch 1) and we turn its
 * default momentum (0.1) down to 1e-12 (it refuses 0). One `train` call with one iteration is one epoch.
 */
import { createRequire } from 'node:module';
import type { BenchCase } from '../bench-cases';
import { gridInputs, squareLoss } from '../bench-cases';
import type { Peer, PeerRun } from './peer';

const require = createRequire(import.meta.url);

export async function loadBrain(): Promise<Peer> {
  const brain = (await import('brain.js')).default;
  const version = (require('brain.js/package.json') as { version: string }).version;
  return {
    name: `brain.js@${version}`,
    notes: 'online SGD (batch 1), tanh output, MSE',
    async setUp(c: BenchCase): Promise<PeerRun> {
      const width = c.features.length;
      const rows = (inputs: Float64Array): number[][] =>
        Array.from({ length: inputs.length / width }, (_, p) => Array.from(inputs.subarray(p * width, (p + 1) * width)));
      const trainRows = rows(c.trainInputs);
      const testRows = rows(c.testInputs);
      const gridRows = rows(gridInputs(c));
      const data = trainRows.map((input, i) => ({ input, output: [c.trainLabels[i]!] }));
      const net = new brain.NeuralNetwork({ hiddenLayers: [...c.hiddenLayers], activation: 'tanh' });
      // brain.js insists errorThresh and momentum lie in (0, 1): these tiny ones mean "never stop early" and "no momentum".
      const options = { iterations: 1, errorThresh: 1e-12, learningRate: c.learningRate, momentum: 1e-12, log: false };
      const lossOver = (inputs: number[][], labels: Float64Array): number =>
        squareLoss(inputs.map((input) => (net.run(input) as number[])[0]!), labels);
      let last = { trainLoss: Number.NaN, testLoss: Number.NaN };
      return {
        epoch() {
          net.train(data, options);
          last = { trainLoss: lossOver(trainRows, c.trainLabels), testLoss: lossOver(testRows, c.testLabels) };
        },
        losses: () => last,
        gridLabel: '10,000 run() calls',
        grid() {
          let sum = 0;
          for (const input of gridRows) sum += (net.run(input) as number[])[0]!;
          return sum;
        },
      };
    },
  };
}
