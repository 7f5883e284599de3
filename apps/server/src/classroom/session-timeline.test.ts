import { createTrainer, DEFAULT_CONFIG, FEATURE_IDS, type TrainerConfig } from '@playroom/engine';
import { describe, expect, it } from 'vitest';
import { Refusal } from './refusal';
import { checkpointBytes, SessionTimeline, TIMELINE_BYTES, TIMELINE_MAX_POINTS, timelineCapacity } from './session-timeline';
import { TrainingSession, type SessionIdentity } from './training-session';

/** The largest network a class can build: every feature, six hidden layers of eight, Adam. */
const LARGEST: TrainerConfig = {
  ...DEFAULT_CONFIG,
  features: [...FEATURE_IDS],
  hiddenLayers: [8, 8, 8, 8, 8, 8],
  optimizer: { ...DEFAULT_CONFIG.optimizer, kind: 'adam' },
};

const identity: SessionIdentity = { id: 's', classId: 'c', kind: 'class', ownerId: 'p', ownerName: 'T', parentId: null, forkedAtEpoch: null, createdAt: 0 };

/** A timeline that recorded `epochs` epochs of training `config`. */
function trainedTimeline(config: TrainerConfig, epochs: number): SessionTimeline {
  const trainer = createTrainer(config);
  const timeline = new SessionTimeline();
  timeline.restart(trainer);
  for (let i = 0; i < epochs; i++) {
    trainer.trainEpoch();
    timeline.record(trainer);
  }
  return timeline;
}

describe('session timeline memory (SCRUB-1)', () => {
  it('bounds what a timeline holds: 200 default checkpoints, fewer of the largest network, ≤ 512 KiB each', () => {
    const figures = [
      ['default (2 features, 4-2, SGD)', DEFAULT_CONFIG],
      ['largest (9 features, 6×8, Adam)', LARGEST],
    ] as const;
    for (const [name, config] of figures) {
      const timeline = trainedTimeline(config, 400);
      const perPoint = checkpointBytes(createTrainer(config).exportState());
      console.log(`${name}: ~${perPoint} B a checkpoint, ${timeline.epochs.length} points, ${Math.round(timeline.bytes() / 1024)} KiB a session, ${Math.round((100 * timeline.bytes()) / 1024 / 1024)} MiB for 100 forks`);
      expect(timeline.epochs.length).toBe(timelineCapacity(perPoint));
      expect(timeline.bytes()).toBeLessThanOrEqual(TIMELINE_BYTES);
    }
    expect(timelineCapacity(checkpointBytes(createTrainer(DEFAULT_CONFIG).exportState()))).toBe(TIMELINE_MAX_POINTS);
    expect(trainedTimeline(LARGEST, 100).epochs.length).toBeGreaterThanOrEqual(20);
  });

  it('shares one copy of the config between checkpoints', () => {
    const timeline = trainedTimeline({ ...DEFAULT_CONFIG, dataset: 'custom', customPoints: [{ x: 1, y: 1, label: 1 }, { x: -1, y: -1, label: -1 }] }, 10);
    const points = (timeline as unknown as { points: { config: unknown }[] }).points;
    expect(new Set(points.map((p) => p.config)).size).toBe(1);
  });
});

describe('TrainingSession timeline (SCRUB-2…4)', () => {
  it('looks back at a checkpoint exactly, returns to now exactly, and resumes as if it had trained straight there', () => {
    const session = TrainingSession.create(identity, DEFAULT_CONFIG);
    const straight = createTrainer(DEFAULT_CONFIG);
    for (let i = 0; i < 10; i++) straight.trainEpoch();
    const at10 = Array.from(straight.network.params);
    session.train(60);
    const now = session.toState();
    expect(now.timeline).toContain(10);

    session.scrub(10);
    expect(session.toState()).toMatchObject({ epoch: 10, params: at10, scrubbedTo: 10, playing: false });
    expect(session.toState().lossHistory.points.every((p) => p.epoch <= 10)).toBe(true);
    // storage keeps now while the class looks back
    expect(session.toRecord().trainer.epoch).toBe(60);

    session.scrub(null);
    expect({ ...session.toState(), clock: 0 }).toEqual({ ...now, clock: 0 });

    session.scrub(10);
    session.resumeFrom();
    expect(session.toState().timeline.at(-1)).toBe(10);
    session.train(7);
    for (let i = 0; i < 7; i++) straight.trainEpoch();
    expect(Array.from(session.params)).toEqual(Array.from(straight.network.params));
    expect(session.toState().scrubbedTo).toBeNull();
  });

  it('refuses an epoch that is no checkpoint and a resume at now; any other change returns to now first', () => {
    const session = TrainingSession.create(identity, DEFAULT_CONFIG);
    session.train(30);
    expect(() => session.scrub(31)).toThrow(Refusal);
    expect(() => session.resumeFrom()).toThrow(Refusal);
    session.scrub(5);
    session.play();
    expect(session.toState()).toMatchObject({ epoch: 30, scrubbedTo: null, playing: true });
    session.scrub(5);
    expect(session.playing).toBe(false);
    // a config patch looking back is merged into now's config, and a refused one changes nothing
    session.applyConfig({ learningRate: 0.1 });
    expect(session.toState()).toMatchObject({ epoch: 30, scrubbedTo: null, config: { learningRate: 0.1 } });
    session.scrub(5);
    expect(() => session.applyConfig({ learningRate: -1 })).toThrow();
    expect(session.toState().scrubbedTo).toBe(5);
    session.applyConfig({ hiddenLayers: [3] });
    expect(session.toState()).toMatchObject({ epoch: 0, timeline: [0], scrubbedTo: null });
  });
});
