import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type TrainerConfig } from './config';
import { copyLossHistory, emptyLossHistory, lossHistoryWants, mergeLossTail, recordLoss, trainRecordingLoss, type LossHistory } from './loss-history';
import { Trainer, createTrainer } from './trainer';

const epochs = (history: LossHistory) => history.points.map((p) => p.epoch);

describe('loss history', () => {
  it('keeps every epoch until full, then the first epoch of every run of two', () => {
    const history = emptyLossHistory();
    for (let epoch = 1; epoch <= 8; epoch++) recordLoss(history, epoch, epoch / 10, epoch / 5, 8);
    expect(epochs(history)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    recordLoss(history, 9, 1, 1, 8);
    recordLoss(history, 10, 1, 1, 8);
    expect(epochs(history)).toEqual([1, 2, 4, 6, 8, 10]);
    expect(history.stride).toBe(2);
    expect(lossHistoryWants(history, 11)).toBe(false);
    expect(lossHistoryWants(history, 12)).toBe(true);
  });

  it('stays within capacity and covers the whole run over a long run', () => {
    const history = emptyLossHistory();
    for (let epoch = 1; epoch <= 10_000; epoch++) recordLoss(history, epoch, 1 / epoch, 2 / epoch, 16);
    expect(history.points.length).toBeLessThanOrEqual(16);
    expect(history.points[0]!.epoch).toBe(1);
    expect(history.points[history.points.length - 1]!.epoch).toBeGreaterThan(9000);
  });

  it('a copy that merges the points since three rounds ago stays equal to the trainer, two dropped rounds in a row included', () => {
    const trainer = emptyLossHistory();
    for (let epoch = 1; epoch <= 40; epoch++) recordLoss(trainer, epoch, 1 / epoch, 1 / epoch);
    let viewer = copyLossHistory(trainer); // a late joiner's full state
    const newest = () => trainer.points[trainer.points.length - 1]!.epoch;
    let rounds = [newest(), newest(), newest()];
    for (let round = 0; round < 400; round++) {
      // rounds of 1 to 12 epochs, as snapshots at 15 Hz see a session at 15–180 epochs/s
      const last = newest();
      for (let epoch = last + 1; epoch <= last + 1 + (round % 12); epoch++) recordLoss(trainer, epoch, 1 / epoch, 2 / epoch);
      const tail = trainer.points.filter((p) => p.epoch > rounds[0]!);
      rounds = [rounds[1]!, rounds[2]!, newest()];
      if (round === 200 || round === 201) continue; // this watcher's transport was busy: two frames dropped
      viewer = mergeLossTail(viewer, tail);
    }
    expect(trainer.stride).toBeGreaterThan(4);
    expect(viewer).toEqual(trainer);
  });

  it('stores non-finite losses as null and survives JSON', () => {
    const history = emptyLossHistory();
    recordLoss(history, 1, Number.NaN, Number.POSITIVE_INFINITY);
    recordLoss(history, 2, 0.5, 0.25);
    expect(JSON.parse(JSON.stringify(history))).toEqual({
      stride: 1,
      points: [
        { epoch: 1, trainLoss: null, testLoss: null },
        { epoch: 2, trainLoss: 0.5, testLoss: 0.25 },
      ],
    });
  });

  it('a point before the last starts a new curve (reset)', () => {
    const history = emptyLossHistory();
    for (let epoch = 5; epoch <= 7; epoch++) recordLoss(history, epoch, 1, 1);
    recordLoss(history, 0, 2, 2);
    expect(history).toEqual({ stride: 1, points: [{ epoch: 0, trainLoss: 2, testLoss: 2 }] });
  });

  it('mergeLossTail returns a new history and leaves the input alone, or the same one when nothing is new', () => {
    const a = emptyLossHistory();
    recordLoss(a, 1, 1, 1);
    const b = mergeLossTail(a, [{ epoch: 1, trainLoss: 1, testLoss: 1 }, { epoch: 2, trainLoss: 0.5, testLoss: 0.5 }]);
    expect(epochs(a)).toEqual([1]);
    expect(epochs(b)).toEqual([1, 2]);
    expect(mergeLossTail(b, [{ epoch: 2, trainLoss: 0.1, testLoss: 0.1 }])).toBe(b);
    const copy = copyLossHistory(b);
    copy.points[0]!.trainLoss = 9;
    expect(b.points[0]!.trainLoss).toBe(1);
  });
});

describe('trainRecordingLoss measures only what the curve keeps', () => {
  /** Today's loop, kept as the reference: the losses measured after every epoch, the kept ones recorded. */
  function measuringEveryEpoch(trainer: Trainer, history: LossHistory, epochs: number): void {
    for (let done = 0; done < epochs; done++) {
      trainer.trainEpoch();
      const metrics = trainer.evaluate();
      recordLoss(history, trainer.epoch, metrics.trainLoss, metrics.testLoss);
    }
  }
  const withoutBest = (trainer: Trainer) => ({ ...trainer.exportState(), bestTestLoss: null });

  it.each([
    ['constant', { ...DEFAULT_CONFIG }],
    ['exponential', { ...DEFAULT_CONFIG, schedule: { kind: 'exponential', decayRate: 0.9, decayEpochs: 50 } }],
    ['plateau', { ...DEFAULT_CONFIG, schedule: { kind: 'plateau', patience: 3, factor: 0.5, minLearningRate: 1e-4 } }],
  ] as [string, TrainerConfig][])('%s schedule: the same curve and the same trainer bit for bit, far fewer measurements', (kind, config) => {
    const fast = createTrainer(config);
    const reference = createTrainer(config);
    const fastHistory = emptyLossHistory();
    const referenceHistory = emptyLossHistory();
    const before = fast.lossMeasurements;
    trainRecordingLoss(fast, fastHistory, 1000);
    measuringEveryEpoch(reference, referenceHistory, 1000);
    expect(fastHistory).toEqual(referenceHistory);
    expect(withoutBest(fast)).toEqual(withoutBest(reference));
    expect(fast.evaluate()).toEqual({ ...reference.evaluate(), bestTestLoss: fast.evaluate().bestTestLoss });
    const measured = fast.lossMeasurements - before;
    // one per epoch the curve kept when it came (1–256 all, then every 2nd, every 4th…: 507; evaluate() reuses the last);
    // every epoch for the plateau schedule, which reads them (what every schedule measured before)
    expect(measured).toBe(kind === 'plateau' ? 1000 : 507);
  });

  it('a loss that becomes NaN between recorded epochs still stops training at the same epoch', () => {
    const config: TrainerConfig = { ...DEFAULT_CONFIG, learningRate: 10, activation: 'relu' };
    const fast = createTrainer(config);
    const reference = createTrainer(config);
    trainRecordingLoss(fast, emptyLossHistory(), 500);
    measuringEveryEpoch(reference, emptyLossHistory(), 500);
    expect(reference.diverged).not.toBeNull();
    expect(fast.diverged).toEqual(reference.diverged);
    expect(withoutBest(fast)).toEqual(withoutBest(reference));
  });
});
