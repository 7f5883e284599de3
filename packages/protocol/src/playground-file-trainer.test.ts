import { DEFAULT_CONFIG, Trainer, createTrainer, type TrainerState } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { playgroundFileOf, readPlaygroundFile, type SavedSession } from './playground-file';
import { MAX_TRAINER_PARAMS } from './schemas/trainer-state-schema';

const CONFIG = { ...DEFAULT_CONFIG, hiddenLayers: [4, 2], batchSize: 7, optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' as const } };

/** A session of a trainer that ran 3 epochs with Adam: moments, a moved random state, a cursor. */
function saved(): SavedSession {
  const trainer = createTrainer(CONFIG);
  for (let i = 0; i < 3; i++) trainer.trainEpoch();
  const state = trainer.exportState();
  return {
    sessionId: 's_fork', classId: 's_class', kind: 'fork', ownerId: 'p_ann', ownerName: 'Ann', parentId: 's_class', forkedAtEpoch: 1,
    config: state.config, layerSizes: [...trainer.network.layerSizes], params: state.params, epoch: state.epoch, clock: 9,
    playing: false, speed: 30, frozen: false,
    metrics: { trainLoss: 0.3, testLoss: 0.4, trainAccuracy: 0.9, testAccuracy: 0.8, learningRate: state.learningRate, gradientNorms: state.gradientStats.norms, diverged: null },
    lossHistory: { stride: 1, points: [] }, preset: null, timeline: [], scrubbedTo: null, trainer: state,
  };
}

function withTrainer(change: (t: Record<string, unknown>) => void): string {
  const session = saved();
  const trainer = structuredClone(session.trainer) as unknown as Record<string, unknown>;
  change(trainer);
  return JSON.stringify(playgroundFileOf([{ ...session, trainer: trainer as unknown as TrainerState }], null));
}

describe("a playground file's exact trainer state (FILE-1)", () => {
  it('round-trips it, and the trainer it loads continues bit for bit', () => {
    const session = saved();
    const read = readPlaygroundFile(JSON.stringify(playgroundFileOf([session], 'ABC234')));
    expect(read).toEqual({ ok: true, sessions: [session], fromClass: 'ABC234' });
    if (!read.ok) return;
    const original = Trainer.fromState(session.trainer);
    const reopened = Trainer.fromState(read.sessions[0]!.trainer);
    for (let i = 0; i < 4; i++) {
      original.trainEpoch();
      reopened.trainEpoch();
    }
    expect(Array.from(reopened.network.params)).toEqual(Array.from(original.network.params));
  });

  it('opens a file without it, as before', () => {
    const { trainer: _none, ...older } = saved();
    expect(readPlaygroundFile(JSON.stringify(playgroundFileOf([older], null)))).toMatchObject({ ok: true, sessions: [older] });
  });

  const hostile: [string, (t: Record<string, unknown>) => void, 'invalid' | 'badTrainerState', string][] = [
    ['too few params', (t) => (t.params = (t.params as number[]).slice(1)), 'badTrainerState', 'params'],
    ['too many params for any network', (t) => (t.params = new Array(MAX_TRAINER_PARAMS + 1).fill(0)), 'invalid', 'params'],
    ['a NaN moment', (t) => ((t.optimizer as { m: unknown[] }).m[0] = null), 'invalid', 'optimizer'],
    ['Adam moments of the wrong size', (t) => ((t.optimizer as { v: number[] }).v.pop()), 'badTrainerState', 'optimizer.v'],
    ['momentum state for an Adam config', (t) => ((t.optimizer as { kind: string }).kind = 'momentum'), 'badTrainerState', 'optimizer'],
    ['a string epoch', (t) => (t.epoch = '3'), 'invalid', 'epoch'],
    ['another epoch than the session', (t) => (t.epoch = 4), 'badTrainerState', 'epoch'],
    ['another config than the session', (t) => (t.config = { ...(t.config as object), seed: 99 }), 'badTrainerState', 'config'],
    ['an all-zero random state', (t) => (t.rng = [0, 0, 0, 0]), 'badTrainerState', 'Rng'],
    ['a five-word random state', (t) => (t.rng = [1, 2, 3, 4, 5]), 'invalid', 'rng'],
    ['a cursor past the data', (t) => (t.cursor = 1e9), 'badTrainerState', 'cursor'],
    ['gradient sums of the wrong size', (t) => ((t.gradientStats as { sums: number[] }).sums.push(1)), 'badTrainerState', 'gradientStats.sums'],
    ['an unknown key', (t) => (t.extra = 1), 'invalid', 'trainer/extra: no such field'],
    ['a version from the future', (t) => (t.version = 2), 'invalid', 'version'],
  ];
  it.each(hostile)('refuses a trainer state with %s, naming it', (_what, change, reason, named) => {
    const read = readPlaygroundFile(withTrainer(change));
    expect(read).toMatchObject({ ok: false, reason });
    if (!read.ok) expect(read.detail).toContain(named);
  });

  it('refuses deep nesting without overflowing', () => {
    for (const depth of [5_000, 200_000]) {
      const text = withTrainer(() => undefined).replace('"diverged":null', `"diverged":${'['.repeat(depth)}${']'.repeat(depth)}`);
      expect(readPlaygroundFile(text)).toMatchObject({ ok: false });
    }
  });

  it('refuses prototype-pollution keys without polluting', () => {
    const text = withTrainer(() => undefined).replace('"trainer":{', '"trainer":{"__proto__":{"polluted":true},');
    expect(readPlaygroundFile(text)).toMatchObject({ ok: false, reason: 'invalid' });
    const constructorKey = withTrainer(() => undefined).replace('"schedule":{', '"schedule":{"constructor":{"prototype":{"polluted":true}},');
    expect(readPlaygroundFile(constructorKey)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
