/**
 * Our engine, driven exactly as the server drives it: `createTrainer` from
 * the config, `trainEpoch()` then `evaluate()` for the losses; the grids are
 * every neuron's 100×100 picture (`decisionGrids`), into a reused buffer.
 */
import type { BenchCase } from '../bench-cases';
import { OURS } from '../bench-report';
import type { Peer, PeerRun } from './peer';

export async function loadOurs(): Promise<Peer> {
  const engine = await import('@playroom/engine');
  return {
    name: OURS,
    notes: 'SGD, batch 10, tanh output, ½·MSE (the playground)',
    async setUp(c: BenchCase): Promise<PeerRun> {
      const trainer = engine.createTrainer(c.config);
      let grids: Float32Array | undefined;
      let last = { trainLoss: Number.NaN, testLoss: Number.NaN };
      return {
        epoch() {
          trainer.trainEpoch();
          const metrics = trainer.evaluate();
          last = { trainLoss: metrics.trainLoss, testLoss: metrics.testLoss };
        },
        losses: () => last,
        gridLabel: `all ${engine.neuronCount(trainer.network)} neurons' grids`,
        grid() {
          grids = engine.decisionGrids(trainer.network, c.features, { size: 100 }, grids);
          return grids;
        },
      };
    },
  };
}
