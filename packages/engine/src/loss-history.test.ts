import { describe, expect, it } from 'vitest';
import { copyLossHistory, emptyLossHistory, lossHistoryWants, mergeLossTail, recordLoss, type LossHistory } from './loss-history';

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
