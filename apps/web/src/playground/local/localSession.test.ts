import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, createTrainer, findPreset, lossHistoryFrom, presetConfig, trainRecordingLoss, type TrainerConfig } from '@playroom/engine';
import { readPlaygroundFile, playgroundFileOf, sessionMetricsOf, type SessionState } from '@playroom/protocol';
import { sessionState } from '../../net/test-fixtures';
import { LocalSession } from './localSession';

/** A fork's full state as the server sends it at the end of a class: the engine's exact trainer after `epochs`. */
function forkState(config: TrainerConfig, epochs: number, overrides: Partial<SessionState> = {}): SessionState {
  const trainer = createTrainer(config);
  const lossHistory = lossHistoryFrom(trainer);
  trainRecordingLoss(trainer, lossHistory, epochs);
  return sessionState({
    sessionId: 's_fork',
    kind: 'fork',
    ownerId: 'p_ann',
    ownerName: 'Ann',
    parentId: 'class-1',
    config: trainer.config,
    layerSizes: [...trainer.network.layerSizes],
    params: Array.from(trainer.network.params),
    epoch: trainer.epoch,
    playing: true,
    speed: 'max',
    metrics: sessionMetricsOf(trainer.evaluate()),
    lossHistory,
    ...overrides,
  });
}

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

  it("steps one epoch and pauses; reset 'same' goes back to the same starting weights", () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    const initial = session.model.params;
    session.play();
    session.step();
    expect(session.model.epoch).toBe(1);
    expect(session.model.playing).toBe(false);
    expect(session.model.params).not.toEqual(initial);
    session.reset('same');
    expect(session.model.epoch).toBe(0);
    expect(session.model.params).toEqual(initial);
    expect(session.model.lossHistory.points).toHaveLength(1);
  });

  it("reset 'new' re-rolls the starting weights with a new seed on the same data, as the playground's reset", () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    const initial = { params: session.model.params, seed: session.model.config.seed, dataSeed: session.model.config.dataSeed };
    session.step();
    session.reset('new');
    const rolled = session.model;
    expect(rolled.epoch).toBe(0);
    expect(rolled.playing).toBe(false);
    expect(rolled.config.seed).not.toBe(initial.seed);
    expect(rolled.params).not.toEqual(initial.params);
    expect(Array.from(rolled.params)).toEqual(Array.from(createTrainer({ ...DEFAULT_CONFIG, seed: rolled.config.seed }).network.params));
    expect(rolled.config.dataSeed).toBe(initial.dataSeed); // the same points
    session.step();
    session.reset('same');
    expect(session.model.params).toEqual(rolled.params);
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

  it('carries on from a fork’s full state: the same weights, epoch, data, losses and curve, paused', () => {
    const config = { ...DEFAULT_CONFIG, dataset: 'xor' as const, learningRate: 0.1, schedule: { kind: 'exponential' as const, decayRate: 0.5, decayEpochs: 10 } };
    const state = forkState(config, 37);
    const session = LocalSession.fromState(state);
    const { model } = session;
    expect(model.epoch).toBe(37);
    expect(Array.from(model.params)).toEqual(state.params);
    expect(model.config).toEqual(state.config);
    // the losses are measured again from those weights on the same data: the very numbers the server had
    expect(model.metrics).toEqual(state.metrics);
    expect(model.lossHistory).toEqual(state.lossHistory);
    expect(model.playing).toBe(false);
    expect(model.speed).toBe(1000);
    session.step();
    expect(session.model.epoch).toBe(38);
    expect(session.model.lossHistory.points.at(-1)!.epoch).toBe(38);
  });

  it('saves its state for a playground file, which opens again as it was', () => {
    const session = LocalSession.fromState(forkState(DEFAULT_CONFIG, 5));
    session.step();
    session.setWeight(1, 0, 1, 0.123456789012345);
    const saved = session.toState();
    expect(saved).toMatchObject({ sessionId: 's_fork', ownerName: 'Ann', epoch: 6, playing: false });
    expect(saved.params[1]).toBe(0.123456789012345);
    const file = readPlaygroundFile(JSON.stringify(playgroundFileOf([saved], 'ABC234')));
    if (!file.ok) throw new Error(file.detail);
    const reopened = LocalSession.fromState(file.sessions[0]!);
    expect(Array.from(reopened.model.params)).toEqual(Array.from(session.model.params));
    expect(reopened.model.metrics).toEqual(session.model.metrics);
    expect(reopened.toState()).toEqual(saved);
    // a session begun in practice mode belongs to no class
    expect(new LocalSession(DEFAULT_CONFIG).toState()).toMatchObject({ classId: 'practice', parentId: null, epoch: 0 });
  });

  it('keeps a divergence it was opened with, and refuses a state the engine cannot load', () => {
    const diverged = forkState(DEFAULT_CONFIG, 2, {});
    diverged.metrics = { ...diverged.metrics, diverged: { reason: 'the loss became NaN', epoch: 2, kind: 'not-finite' } };
    expect(LocalSession.fromState(diverged).model.metrics.diverged).toMatchObject({ epoch: 2, kind: 'not-finite' });
    expect(() => LocalSession.fromState({ ...diverged, params: [1, 2, 3] })).toThrow(/params/);
    expect(() => LocalSession.fromState({ ...diverged, config: { ...diverged.config, hiddenLayers: [99] } })).toThrow();
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

describe('LocalSession.loadPreset ("Show me", issue 12)', () => {
  it('loads the preset’s config from epoch 0 with a fresh loss curve, playing, and keeps its id until a change by hand', () => {
    const session = new LocalSession(DEFAULT_CONFIG, Infinity);
    session.play();
    session.advance(200);
    expect(session.model.epoch).toBeGreaterThan(0);
    session.loadPreset('xor-linear');
    expect(session.model.config).toEqual(presetConfig(findPreset('xor-linear')!));
    expect(session.model.config.activation).toBe('linear');
    expect(session.model.epoch).toBe(0);
    expect(session.model.lossHistory.points).toHaveLength(1);
    expect(session.model.playing).toBe(true);
    expect(session.model.preset).toBe('xor-linear');
    expect(session.commandFailure).toBeNull();
    // training, pausing and resetting keep the watch line; a config change by hand ends it
    session.advance(100);
    session.pause();
    session.reset('same');
    expect(session.model.preset).toBe('xor-linear');
    session.setConfig({ learningRate: 0.1 });
    expect(session.model.preset).toBeNull();
  });

  it('trains the preset as the engine does: the same weights as a trainer made from the preset', () => {
    const session = new LocalSession(DEFAULT_CONFIG, Infinity);
    session.loadPreset('off-centre-bias');
    session.advance(1000 / 60);
    const trainer = createTrainer(presetConfig(findPreset('off-centre-bias')!));
    trainer.trainEpoch();
    expect(session.model.epoch).toBe(1);
    expect(Array.from(session.model.params)).toEqual(Array.from(trainer.network.params));
  });

  it('refuses an unknown preset and changes nothing; a refused config change keeps the watch line', () => {
    const session = new LocalSession(DEFAULT_CONFIG);
    session.loadPreset('no-such-preset');
    expect(session.commandFailure).toMatchObject({ code: 'badRequest' });
    expect(session.model.config).toEqual(DEFAULT_CONFIG);
    expect(session.model.preset).toBeNull();
    session.loadPreset('circle-squares');
    session.setConfig({ hiddenLayers: [99] });
    expect(session.commandFailure).not.toBeNull();
    expect(session.model.preset).toBe('circle-squares');
  });
});
