import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '@playroom/engine';
import { LocalSession } from './localSession';

describe('LocalSession', () => {
  it('starts paused at epoch 0 with one loss point', () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    expect(session.model.epoch).toBe(0);
    expect(session.model.playing).toBe(false);
    expect(session.model.lossHistory.points).toHaveLength(1);
    expect(session.model.readOnly).toBe(false);
  });

  it('trains the epochs the elapsed time is worth at its speed, only while playing', () => {
    const session = new LocalSession(DEFAULT_CONFIG, Infinity);
    session.setSpeed(10);
    expect(session.advance(1000)).toBe(false);
    session.play();
    session.advance(250); // 2.5 epochs owed → 2 trained, 0.5 carried
    expect(session.model.epoch).toBe(2);
    session.advance(50); // 0.5 + 0.5 → 1 more
    expect(session.model.epoch).toBe(3);
    expect(session.model.lossHistory.points.at(-1)!.epoch).toBe(3);
  });

  it('gives the frame back when training takes longer than its budget', () => {
    const session = new LocalSession(DEFAULT_CONFIG, 0);
    session.setSpeed(1000);
    session.play();
    session.advance(100);
    expect(session.model.epoch).toBe(1);
  });

  it('steps one epoch and pauses; reset goes back to the same starting weights', () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    const initial = session.model.params;
    session.play();
    session.step();
    expect(session.model.epoch).toBe(1);
    expect(session.model.playing).toBe(false);
    expect(session.model.params).not.toEqual(initial);
    session.reset();
    expect(session.model.epoch).toBe(0);
    expect(session.model.params).toEqual(initial);
    expect(session.model.lossHistory.points).toHaveLength(1);
  });

  it('keeps the weights for a learning-rate change and rebuilds for a shape change', () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    session.step();
    session.step();
    session.setConfig({ learningRate: 0.1 });
    expect(session.model.epoch).toBe(2);
    expect(session.model.config.learningRate).toBe(0.1);
    session.setConfig({ hiddenLayers: [3] });
    expect(session.model.epoch).toBe(0);
    expect(session.model.params.length).toBe(3 * 3 + 4);
  });

  it('refuses an invalid config and says why, changing nothing', () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    const before = session.model.config;
    session.setConfig({ hiddenLayers: [99] });
    expect(session.commandFailure).toMatchObject({ code: 'invalidConfig', field: 'hiddenLayers[0]' });
    expect(session.model.config).toBe(before);
    session.setWeight(1, 0, 0, Number.NaN);
    expect(session.commandFailure).toMatchObject({ code: 'invalidParameter' });
    session.setConfig({ learningRate: 0.1 });
    expect(session.commandFailure).toBeNull();
  });

  it('edits a weight and a bias in place', () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    session.setWeight(1, 0, 1, 0.75);
    session.setBias(2, 1, -0.5);
    // layer 1: 4 neurons × 2 inputs, weight (to 0, from 1) at index 1
    expect(session.model.params[1]).toBe(0.75);
    // layer 2 starts after 4·2 + 4 = 12 params; its 2×4 weights, then bias 1 at 12 + 8 + 1
    expect(session.model.params[21]).toBe(-0.5);
  });

  it('regenerates the data with a new seed, starting over', () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    session.step();
    session.regenerateData();
    expect(session.model.config.dataSeed).not.toBe(DEFAULT_CONFIG.dataSeed);
    expect(session.model.epoch).toBe(0);
  });

  it('stops playing and reports divergence when the learning rate is absurd', () => {
    const session = new LocalSession({ ...DEFAULT_CONFIG, problem: 'regression', dataset: 'regress-plane', outputLoss: 'linear-square', activation: 'relu', learningRate: 10 }, Infinity);
    session.setSpeed(1000);
    session.play();
    for (let i = 0; i < 40 && session.isPlaying; i++) session.advance(100);
    expect(session.model.metrics.diverged).not.toBeNull();
    expect(session.model.playing).toBe(false);
  });

  it('notifies subscribers on every change', () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    let calls = 0;
    const unsubscribe = session.subscribe(() => calls++);
    session.play();
    session.pause();
    unsubscribe();
    session.play();
    expect(calls).toBe(2);
  });
});
