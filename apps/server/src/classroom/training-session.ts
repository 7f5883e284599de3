import {
  Trainer,
  configChangeEffect,
  copyLossHistory,
  emptyLossHistory,
  presetConfig,
  trainRecordingLoss,
  type LossHistory,
  type Network,
  type Preset,
  type TrainerConfig,
  type TrainerState,
} from '@playroom/engine';
import {
  PROTOCOL_LIMITS,
  encodeSnapshotBody,
  sessionMetricsOf,
  trainerOfSavedSession,
  type ConfigEffect,
  type ConfigPatch,
  type ForkSummary,
  type SessionKind,
  type SavedSession,
  type SessionMetrics,
  type SessionState,
  type SnapshotInput,
  type Speed,
} from '@playroom/protocol';
import type { Trainable, TrainingResult } from '../scheduler/scheduler';
import { buildTrainer, checkParameter, checkedConfig } from './session-change';
import { forkSummaryOf } from './fork-summary';
import { SessionSnapshots, type EncodedSnapshot } from './session-snapshots';
import { StepQueue } from './step-queue';
import { adoptRound, roundStartOf, trainedRoundOf } from './replica-rounds';
import type { SessionIdentity, SessionRecord } from './session-record';
import type { RoundOutcome, RoundStart, SessionReplicaState, TrainedRound } from './session-replica';
import { SessionTimeline, type TrainedState } from './session-timeline';
import { sessionRecordOf, sessionStateOf, snapshotScalarsOf, type SessionViewParts } from './session-views';

export type { SessionIdentity, SessionRecord } from './session-record';

/**
 * One trainable playground: the class session or a fork. It wraps the
 * engine's Trainer with what the classroom needs around it: playing state,
 * speed, a monotonic clock (rule SNAP-3) and a down-sampled loss history.
 * It knows nothing of sockets or storage.
 */
export class TrainingSession implements Trainable {
  private playingValue = false;
  private speedValue: Speed = PROTOCOL_LIMITS.speed.default;
  /** whether "pause the class" holds this fork (FORK-4); the classroom decides, see Classroom.pausesWithClass */
  private frozenValue = false;
  /** whether it was playing when "pause the class" held it: it plays again when let go (FORK-4) */
  private playingWhenHeld = false;
  private trainerValue: Trainer;
  /** epochs a `step` asked for that the scheduler has not trained yet, and who asked */
  private readonly steps = new StepQueue();
  private clockValue: number;
  /** grows with every change but training's: a training replica of an older revision is out of date */
  private revisionValue = 0;
  private history: LossHistory;
  /** its snapshot rounds: their loss tails, and a worker's encoding of the round adopted last (see nextSnapshot) */
  private readonly snapshots = new SessionSnapshots();
  /** the preset loaded last, until the config is changed otherwise (TEACH-1) */
  private presetValue: string | null = null;
  /** the checkpoints to look back at, and what was left to look back (SCRUB-1…4) */
  private readonly timeline = new SessionTimeline();

  private constructor(
    readonly identity: SessionIdentity,
    trainer: Trainer,
    clock: number,
    history: LossHistory,
    kept?: { speed: Speed; preset: string | null },
  ) {
    this.trainerValue = trainer;
    this.clockValue = clock;
    this.history = history;
    this.timeline.restart(trainer);
    if (kept) ({ speed: this.speedValue, preset: this.presetValue } = kept);
  }

  /** A new session at epoch 0 for a config the engine accepts (throws SessionChangeError otherwise). */
  static create(identity: SessionIdentity, config: TrainerConfig): TrainingSession {
    return new TrainingSession(identity, buildTrainer(config), 1, emptyLossHistory());
  }

  /**
   * A session continuing a saved one (a playground file's, REST-1 `from`), paused: bit for bit with
   * its trainer state (FILE-2), else from its weights. Throws when the engine refuses it.
   */
  static fromSaved(identity: SessionIdentity, saved: SavedSession): TrainingSession {
    return new TrainingSession(identity, trainerOfSavedSession(saved), 1, copyLossHistory(saved.lossHistory), saved);
  }

  /** A session continuing exactly from its stored record, paused. */
  static fromRecord(record: SessionRecord): TrainingSession {
    const { speed, clock, lossHistory, trainer, preset, ...identity } = record;
    return new TrainingSession(identity, Trainer.fromState(trainer), clock, copyLossHistory(lossHistory), { speed, preset: preset ?? null });
  }

  /** An exact, independent copy under a new identity (rule FORK-1), paused. */
  forkAs(identity: SessionIdentity): TrainingSession {
    const kept = { speed: this.speedValue, preset: this.presetValue };
    return new TrainingSession(identity, Trainer.fromState(this.trainerValue.exportState()), 1, copyLossHistory(this.history), kept);
  }

  get classId(): string {
    return this.identity.classId;
  }
  get id(): string {
    return this.identity.id;
  }
  get kind(): SessionKind {
    return this.identity.kind;
  }
  get ownerId(): string {
    return this.identity.ownerId;
  }
  get config(): TrainerConfig {
    return this.trainerValue.config;
  }
  get epoch(): number {
    return this.trainerValue.epoch;
  }
  get layerSizes(): readonly number[] {
    return this.trainerValue.network.layerSizes;
  }
  /** The live network (do not write): what a challenge scores on its held-out set (CHAL-2). */
  get network(): Network {
    return this.trainerValue.network;
  }
  /** The live parameters (do not write). */
  get params(): Float64Array {
    return this.trainerValue.network.params;
  }
  /** Grows with every change; the snapshot pump and the checkpointer compare against it. */
  get clock(): number {
    return this.clockValue;
  }
  get playing(): boolean {
    return this.playingValue;
  }
  get speed(): Speed {
    return this.speedValue;
  }
  get frozen(): boolean {
    return this.frozenValue;
  }
  /**
   * Held or let go by "pause the class" (only the Classroom calls it): a held
   * session stops playing; let go, it plays again if it was playing when held
   * and `resume` allows it (FORK-4).
   */
  holdForClass(held: boolean, resume = true): void {
    if (held && !this.frozenValue) this.playingWhenHeld = this.playingValue;
    const wasHeld = this.frozenValue;
    this.frozenValue = held;
    if (held) {
      if (this.playingValue) this.pause();
      return;
    }
    if (wasHeld && this.playingWhenHeld && resume && !this.diverged) this.play();
    this.playingWhenHeld = false;
  }
  get diverged(): boolean {
    return this.trainerValue.diverged !== null;
  }

  /** Epochs of `step` commands still to train (the scheduler trains them in slices). */
  get pendingSteps(): number {
    return this.steps.pending;
  }
  /** Who queued the last steps (the `by` of the update when they are done). */
  get stepRequestedBy(): string | null {
    return this.steps.requestedBy;
  }

  /** The change counter a training replica is compared against (TrainedRound.revision). */
  get revision(): number {
    return this.revisionValue;
  }

  private tick(): number {
    this.revisionValue++;
    return this.advanceClock();
  }

  /** The clock alone: training moved the session (its replica, if any, knows). */
  private advanceClock(): number {
    this.clockValue = (this.clockValue + 1) >>> 0 || 1;
    return this.clockValue;
  }

  /** Merge `patch` into the config; keeps or rebuilds the network as the engine decides (rule CMD-2). */
  applyConfig(patch: ConfigPatch): ConfigEffect {
    // merged into now's config: a session looking back returns there first (SCRUB-4), and only once the change is valid (CMD-1)
    const next = checkedConfig({ ...(this.timeline.now?.trainer ?? this.trainerValue).config, ...patch });
    this.returnToNow();
    const before = this.trainerValue;
    const effect = configChangeEffect(before.config, next);
    this.trainerValue = before.withConfig(next);
    this.presetValue = null;
    if (effect !== 'keep') {
      // a new network at epoch 0: steps asked of the old one do not carry over
      this.newLossHistory();
      this.steps.cancel();
    } else this.timeline.record(this.trainerValue);
    this.tick();
    return effect;
  }

  /** "Show me" (TEACH-1): the preset's whole config, a new network at epoch 0 on the preset's seeds, playing. */
  loadPreset(preset: Preset): void {
    this.trainerValue = buildTrainer(presetConfig(preset));
    this.presetValue = preset.id;
    this.newLossHistory();
    this.steps.cancel();
    this.play();
  }

  play(): void {
    this.returnToNow();
    this.playingValue = true;
    this.tick();
  }

  /** Stop training, queued steps included. */
  pause(): void {
    this.playingValue = false;
    this.steps.cancel();
    this.tick();
  }

  setSpeed(speed: Speed): void {
    this.speedValue = speed;
    this.tick();
  }

  /** Back to epoch 0, paused, with the initial weights of `seed` (which becomes `config.seed`), on the same data (rule CMD-4). */
  reset(seed: number = this.config.seed): void {
    this.trainerValue = this.trainerValue.restart(seed);
    this.newLossHistory();
    this.playingValue = false;
    this.steps.cancel();
    this.tick();
  }

  /** New data from a new data seed; the network is rebuilt. */
  regenerateData(dataSeed: number): void {
    this.applyConfig({ dataSeed });
  }

  /** Set one weight (rule CMD-5). */
  setWeight(layer: number, to: number, from: number, value: number): void {
    checkParameter(this.layerSizes, layer, to, from);
    this.returnToNow();
    this.trainerValue.setWeight(layer, to, from, value);
    this.timeline.record(this.trainerValue);
    this.tick();
  }

  /** Set one bias (rule CMD-5). */
  setBias(layer: number, to: number, value: number): void {
    checkParameter(this.layerSizes, layer, to, null);
    this.returnToNow();
    this.trainerValue.setBias(layer, to, value);
    this.timeline.record(this.trainerValue);
    this.tick();
  }

  /**
   * Queue `epochs` more epochs of stepping (rule CMD-8); the total waiting is
   * capped at `maxStepEpochs`. Returns the epochs now pending.
   */
  queueSteps(epochs: number, by: string): number {
    this.returnToNow();
    this.revisionValue++;
    return this.steps.add(epochs, by);
  }

  /**
   * Train up to `epochs` of the queued steps now; returns how many ran.
   * Training that stops by itself (divergence) drops the rest.
   */
  trainSteps(epochs: number): TrainingResult {
    const result = this.train(Math.min(epochs, this.steps.pending));
    if (!result.stopped) this.steps.trained(result.ran);
    return result;
  }

  /** A rebuilt network starts a new curve; snapshots repeat it from its start. */
  private newLossHistory(): void {
    this.history = emptyLossHistory();
    this.snapshots.resetTail();
    this.timeline.restart(this.trainerValue);
  }

  /** Show the checkpoint of `epoch`, paused, or (null) what was left to look back (SCRUB-2). */
  scrub(epoch: number | null): void {
    const shown = epoch === null ? this.timeline.backToNow() : this.timeline.lookBack(epoch, { trainer: this.trainerValue, history: this.history });
    if (epoch !== null && this.playingValue) this.pause();
    this.show(shown);
  }

  /** Continue from the checkpoint looked at, paused: the later timeline and the state left go (SCRUB-3). */
  resumeFrom(): void {
    this.timeline.resumeHere();
    this.tick();
  }

  /** Any other change of a session looking back starts from now (SCRUB-4): nothing is lost. */
  private returnToNow(): void {
    this.show(this.timeline.backToNow());
  }

  private show(shown: TrainedState | null): void {
    if (!shown) return;
    this.trainerValue = shown.trainer;
    this.history = shown.history;
    this.steps.cancel();
    this.snapshots.resetTail();
    this.tick();
  }

  /**
   * Train up to `epochs` whole epochs now: how many ran, and the divergence
   * when training stopped by itself, which pauses the session and drops its
   * queued steps (rule TRAIN-3).
   */
  train(epochs: number): TrainingResult {
    const trainer = this.trainerValue;
    const ran = trainRecordingLoss(trainer, this.history, epochs, () => (this.timeline.record(trainer), true));
    if (ran > 0) this.advanceClock();
    const stopped = trainer.diverged;
    if (stopped) this.stopTraining();
    return { ran, stopped };
  }

  /** Training stopped by itself: no more steps, and it pauses (TRAIN-3). */
  private stopTraining(): void {
    this.steps.cancel();
    if (this.playingValue) {
      this.playingValue = false;
      this.advanceClock();
    }
  }

  /** What a training worker needs to train this session as it is now (training-pool.ts). */
  replicaState(): SessionReplicaState {
    return { revision: this.revisionValue, record: this.toRecord(), playing: this.playingValue, pendingSteps: this.steps.pending, timeline: this.timeline.replicaSeed() };
  }

  /** A worker's training replica of a session (training-worker.ts): it trains as the session would, bit for bit. */
  static replicaOf(state: SessionReplicaState): TrainingSession {
    const replica = TrainingSession.fromRecord(state.record);
    replica.timeline.seedReplica(state.timeline);
    replica.playingValue = state.playing;
    replica.steps.leaveQueued(state.pendingSteps);
    replica.revisionValue = state.revision;
    return replica;
  }

  /** Where a replica's next round begins (see trainedRound). */
  roundStart(): RoundStart {
    return roundStartOf(this.parts);
  }

  /** A replica's round: its state now and what its training since `start` recorded. */
  trainedRound(start: RoundStart, outcome: RoundOutcome): TrainedRound {
    return trainedRoundOf(this.parts, { sessionId: this.id, revision: this.revisionValue, pendingSteps: this.steps.pending }, start, outcome);
  }

  /** A replica's round was posted (a copy went with it): its timeline keeps epochs, not states (SessionTimeline.forgetReported). */
  roundReported(): void {
    this.timeline.forgetReported();
  }

  /** A replica's round, of this revision (the pool checks), as if this session had trained it; `snapshotBody`: the replica's (snapshotBody()). */
  adoptTraining(round: TrainedRound, snapshotBody?: Uint8Array): void {
    this.history = adoptRound(this.parts, round);
    this.steps.leaveQueued(round.pendingSteps);
    if (round.ran > 0) this.advanceClock();
    if (round.stopped) this.stopTraining();
    if (snapshotBody) this.snapshots.workerEncoded(this.clock, snapshotBody);
  }

  metrics(): SessionMetrics {
    return sessionMetricsOf(this.trainerValue.evaluate());
  }

  /** The full state a client draws from (rule JOIN-1). */
  toState(): SessionState {
    return sessionStateOf(this, this.parts);
  }

  /** What training moves and the views read (replica-rounds.ts, session-views.ts). */
  private get parts(): SessionViewParts {
    return { trainer: this.trainerValue, history: this.history, timeline: this.timeline, preset: this.presetValue };
  }

  /** One line of the fork dashboard. */
  summary(): ForkSummary {
    return forkSummaryOf(this, this.metrics());
  }

  /** The next binary snapshot's content (rule SNAP-2) for the snapshot pump's round, with its loss tail (STATE-3, LossTailRounds). */
  nextSnapshotInput(): SnapshotInput {
    return this.snapshots.nextInput(snapshotScalarsOf(this, this.trainerValue), this.history.points);
  }

  /** The next snapshot round's bytes: encodeSnapshot(nextSnapshotInput()), from a worker's encoding when it is of this clock. */
  nextSnapshot(): EncodedSnapshot {
    return this.snapshots.nextBytes(this.clock, () => snapshotScalarsOf(this, this.trainerValue), this.history.points);
  }

  /** A replica's snapshot of its state now, but its clock and loss tail (the main thread's, SessionSnapshots). */
  snapshotBody(): ArrayBuffer {
    return encodeSnapshotBody(snapshotScalarsOf(this, this.trainerValue));
  }

  /** The engine's exact state (optimizer moments, random-number state), for a file (FILE-2). */
  trainerState(): TrainerState {
    return this.trainerValue.exportState();
  }

  /** The stored form (rule PERSIST-1). */
  toRecord(): SessionRecord {
    return sessionRecordOf(this, this.parts);
  }
}
