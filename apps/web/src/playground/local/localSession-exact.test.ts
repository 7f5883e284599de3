import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, Trainer } from '@playroom/engine';
import { playgroundFileOf, readPlaygroundFile } from '@playroom/protocol';
import { LocalSession } from './localSession';

const CONFIG = {
  ...DEFAULT_CONFIG,
  dataset: 'spiral' as const,
  hiddenLayers: [6, 4],
  batchSize: 7,
  optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' as const },
};

function steps(session: LocalSession, epochs: number): void {
  for (let i = 0; i < epochs; i++) session.step();
}

describe('practice mode saves the exact trainer state (FILE-2)', () => {
  it('save → open continues bit for bit: Adam moments, random state and batch cursor', () => {
    const straight = new LocalSession(CONFIG, Infinity);
    steps(straight, 5);
    const saved = straight.toState();
    expect(saved.trainer).toMatchObject({ epoch: 5, optimizer: { kind: 'adam', step: expect.any(Number) } });
    const file = readPlaygroundFile(JSON.stringify(playgroundFileOf([saved], null)));
    if (!file.ok) throw new Error(file.detail);
    const reopened = LocalSession.fromState(file.sessions[0]!, Infinity);
    steps(straight, 7);
    steps(reopened, 7);
    expect(reopened.model.epoch).toBe(12);
    expect(Array.from(reopened.model.params)).toEqual(Array.from(straight.model.params));
    expect(reopened.model.metrics).toEqual(straight.model.metrics);
    // and what the engine itself would have trained from that state
    const engine = Trainer.fromState(saved.trainer);
    for (let i = 0; i < 7; i++) engine.trainEpoch();
    expect(Array.from(engine.network.params)).toEqual(Array.from(straight.model.params));
  });

  it('a file without the trainer state still opens, from the same weights', () => {
    const session = new LocalSession(CONFIG, Infinity);
    steps(session, 3);
    const { trainer: _dropped, ...older } = session.toState();
    const reopened = LocalSession.fromState(older, Infinity);
    expect(Array.from(reopened.model.params)).toEqual(Array.from(session.model.params));
    expect(reopened.model.epoch).toBe(3);
  });
});
