/**
 * TensorFlow.js on its pure-JS CPU backend: dense tanh layers, SGD with
 * mini-batches of 10 through `model.fit` (one epoch, no shuffle), losses
 * from `predict` on the train and test tensors.
 */
import { createRequire } from 'node:module';
import type { BenchCase } from '../bench-cases';
import { gridInputs, squareLoss } from '../bench-cases';
import type { Peer, PeerRun } from './peer';

const require = createRequire(import.meta.url);

export async function loadTfjs(): Promise<Peer> {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  await tf.ready();
  const version = (require('@tensorflow/tfjs/package.json') as { version: string }).version;
  return {
    name: `@tensorflow/tfjs@${version} (cpu)`,
    notes: 'SGD, batch 10 via model.fit, tanh output, MSE',
    async setUp(c: BenchCase): Promise<PeerRun> {
      const width = c.features.length;
      const model = tf.sequential();
      c.hiddenLayers.forEach((units, i) => {
        model.add(tf.layers.dense({ units, activation: 'tanh', ...(i === 0 ? { inputShape: [width] } : {}) }));
      });
      model.add(tf.layers.dense({ units: 1, activation: 'tanh' }));
      model.compile({ optimizer: tf.train.sgd(c.learningRate), loss: 'meanSquaredError' });
      const trainX = tf.tensor2d(Float32Array.from(c.trainInputs), [c.trainLabels.length, width]);
      const trainY = tf.tensor2d(Float32Array.from(c.trainLabels), [c.trainLabels.length, 1]);
      const testX = tf.tensor2d(Float32Array.from(c.testInputs), [c.testLabels.length, width]);
      const gridX = tf.tensor2d(Float32Array.from(gridInputs(c)), [10000, width]);
      const predict = (x: typeof trainX): Float32Array => {
        const out = model.predict(x) as typeof trainX;
        const values = out.dataSync() as Float32Array;
        out.dispose();
        return values;
      };
      let last = { trainLoss: Number.NaN, testLoss: Number.NaN };
      return {
        async epoch() {
          await model.fit(trainX, trainY, { batchSize: c.batchSize, epochs: 1, shuffle: false, verbose: 0 });
          last = {
            trainLoss: squareLoss(predict(trainX), c.trainLabels),
            testLoss: squareLoss(predict(testX), c.testLabels),
          };
        },
        losses: () => last,
        gridLabel: 'predict() of 10,000 points',
        grid: () => predict(gridX)[0],
        dispose() {
          tf.dispose([trainX, trainY, testX, gridX]);
          model.dispose();
        },
      };
    },
  };
}
