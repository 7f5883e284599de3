import { DEFAULT_CONFIG } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { SessionChangeError } from './session-change';
import { TrainingSession } from './training-session';
import { sessionIdentity as identity } from './session-identity.fixture';


describe('TrainingSession', () => {
  it('CMD-2: a learning-rate change keeps weights and epoch; a shape change rebuilds at epoch 0', () => {
    const session = TrainingSession.create(identity('s'), DEFAULT_CONFIG);
    session.train(5);
    const params = Array.from(session.params);
    expect(session.applyConfig({ learningRate: 0.1 })).toBe('keep');
    expect(Array.from(session.params)).toEqual(params);
    expect(session.epoch).toBe(5);
    expect(session.applyConfig({ hiddenLayers: [3] })).toBe('rebuild');
    expect(session.epoch).toBe(0);
    expect(session.layerSizes).toEqual([2, 3, 1]);
    expect(session.toState().lossHistory).toEqual({ stride: 1, points: [] });
  });

  it('refuses an invalid config or parameter with the protocol error code, changing nothing', () => {
    const session = TrainingSession.create(identity('s'), DEFAULT_CONFIG);
    const clock = session.clock;
    expect(() => session.applyConfig({ problem: 'multiclass' })).toThrow(SessionChangeError);
    expect(() => session.setWeight(4, 0, 0, 1)).toThrow(SessionChangeError);
    expect(() => session.setWeight(3, 0, 2, 1)).toThrow(SessionChangeError);
    expect(() => session.setBias(1, 4, 1)).toThrow(SessionChangeError);
    expect(session.clock).toBe(clock);
    session.setWeight(1, 3, 1, 0.25);
    expect(session.params[session.layerSizes[0]! * 3 + 1]).toBe(0.25);
    expect(session.clock).toBeGreaterThan(clock);
  });

  it('FORK-1: a fork continues exactly like its source would', () => {
    const source = TrainingSession.create(identity('s'), { ...DEFAULT_CONFIG, optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' } });
    source.train(7);
    const fork = source.forkAs({ ...identity('f'), kind: 'fork', parentId: 's', forkedAtEpoch: 7 });
    source.train(11);
    fork.train(11);
    expect(Array.from(fork.params)).toEqual(Array.from(source.params));
    fork.setBias(1, 0, 3);
    expect(Array.from(fork.params)).not.toEqual(Array.from(source.params));
  });

  it('PERSIST-2: a stored record restores the same state, paused, with its clock and history', () => {
    const session = TrainingSession.create(identity('s'), DEFAULT_CONFIG);
    session.setSpeed(120);
    session.play();
    session.train(9);
    const restored = TrainingSession.fromRecord(JSON.parse(JSON.stringify(session.toRecord())));
    expect(restored.playing).toBe(false);
    expect(restored.speed).toBe(120);
    expect(restored.clock).toBe(session.clock);
    expect(restored.toState().lossHistory).toEqual(session.toState().lossHistory);
    session.train(3);
    restored.train(3);
    expect(Array.from(restored.params)).toEqual(Array.from(session.params));
  });

  it('TRAIN-3: divergence pauses the session', () => {
    const session = TrainingSession.create(identity('s'), { ...DEFAULT_CONFIG, learningRate: 10, dataset: 'spiral', hiddenLayers: [8, 8, 8] });
    session.play();
    let stopped = null;
    for (let i = 0; i < 50 && session.playing; i++) stopped = session.train(10).stopped;
    expect(session.diverged).toBe(true);
    expect(session.playing).toBe(false);
    // the training call says why it stopped: the same divergence the state reports
    expect(stopped).toMatchObject({ reason: session.toState().metrics.diverged!.reason });
    expect(session.toState().metrics.diverged).not.toBeNull();
  });

  it('TRAIN-3: the state says which way training diverged (the engine\'s kind)', () => {
    const saturating = TrainingSession.create(identity('s'), { ...DEFAULT_CONFIG, activation: 'tanh', learningRate: 10 });
    const exploding = TrainingSession.create(identity('e'), {
      ...DEFAULT_CONFIG,
      activation: 'relu',
      learningRate: 10,
      problem: 'regression',
      dataset: 'regress-plane',
      outputLoss: 'linear-square',
    });
    for (const session of [saturating, exploding]) for (let i = 0; i < 50 && !session.diverged; i++) session.train(10);
    expect(saturating.toState().metrics.diverged).toMatchObject({ kind: 'saturated', reason: expect.stringMatching(/saturated/) });
    expect(exploding.toState().metrics.diverged).toMatchObject({ kind: 'exploded', reason: expect.stringMatching(/grew beyond/) });
  });

  it('CMD-8: queued steps train only when asked, are capped, and go with pause, reset or a new network', () => {
    const session = TrainingSession.create(identity('s'), DEFAULT_CONFIG);
    const clock = session.clock;
    expect(session.queueSteps(3, 'p_a')).toBe(3);
    expect(session.epoch).toBe(0);
    expect(session.clock).toBe(clock); // queuing changes nothing a client sees
    expect(session.queueSteps(5000, 'p_b')).toBe(1000);
    expect(session.stepRequestedBy).toBe('p_b');
    expect(session.trainSteps(10)).toEqual({ ran: 10, stopped: null });
    expect(session.pendingSteps).toBe(990);
    expect(session.epoch).toBe(10);

    session.applyConfig({ learningRate: 0.1 }); // keeps the network: the step goes on
    expect(session.pendingSteps).toBe(990);
    session.pause();
    expect(session.pendingSteps).toBe(0);
    session.queueSteps(4, 'p_a');
    session.reset();
    expect(session.pendingSteps).toBe(0);
    session.queueSteps(4, 'p_a');
    session.applyConfig({ hiddenLayers: [2] });
    expect(session.pendingSteps).toBe(0);
    expect(session.trainSteps(10)).toEqual({ ran: 0, stopped: null });
    expect(session.epoch).toBe(0);
  });
});
