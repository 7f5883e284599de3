/**
 * A playground session that trains in the browser: the engine's Trainer plus
 * what a server session adds (playing, speed, loss history, commands that
 * may be refused). Plain TypeScript driven by `advance(elapsedMs)`, so the
 * React hook only supplies animation frames and tests need no browser.
 */
import {
  createTrainer,
  findPreset,
  lossHistoryFrom,
  presetConfig,
  trainRecordingLoss,
  validateConfig,
  type LossHistory,
  type Trainer,
  type TrainerConfig,
} from '@playroom/engine';
import {
  PRACTICE_ORIGIN,
  PROTOCOL_LIMITS,
  savedSessionOfTrainer,
  sessionMetricsOf,
  trainerOfSavedSession,
  type ResetStart,
  type SavedSession,
  type SessionOrigin,
} from '@playroom/protocol';
import type { CommandFailure, PlaygroundModel } from '../model';


/** Training per frame stops after this long, so a high speed slows training, not the page. */
const FRAME_BUDGET_MS = 10;
/** The speed a local session starts at (epochs per second), as the server's default. */
export const DEFAULT_LOCAL_SPEED = 60;

/** An engine error as the server would report it: a ConfigError names its field (invalidConfig), anything else is a bad parameter. */
function refusal(error: unknown): CommandFailure {
  const message = error instanceof Error ? error.message : String(error);
  const field = (error as { field?: unknown } | null)?.field;
  return typeof field === 'string' ? { code: 'invalidConfig', message, field } : { code: 'invalidParameter', message };
}

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class LocalSession {
  private trainer: Trainer;
  private playing = false;
  private speed = DEFAULT_LOCAL_SPEED;
  /** the engine's curve, recorded as the server records a class session's; replaced (never mutated) on change */
  private history: LossHistory;
  /** fraction of an epoch owed by the frame clock, carried to the next frame */
  private owed = 0;
  private failure: CommandFailure | null = null;
  /** the preset "Show me" loaded last, until the config is changed otherwise (as the server's TEACH-1) */
  private preset: string | null = null;
  private cached: PlaygroundModel | null = null;
  private readonly listeners = new Set<() => void>();

  /** `frameBudgetMs`: how long one `advance` may train before it gives the frame back */
  constructor(
    config: TrainerConfig,
    private readonly frameBudgetMs = FRAME_BUDGET_MS,
    /** the session this one continues (a fork from a class, a file), for `toState` */
    readonly origin: SessionOrigin = PRACTICE_ORIGIN,
  ) {
    this.trainer = createTrainer(validateConfig(config));
    this.history = lossHistoryFrom(this.trainer);
  }

  /**
   * Carries on from a session's full state (a fork at the end of a class, a
   * playground file): the same config and data, weights, epoch, learning rate
   * and loss curve, paused. Throws when the state is not one the engine accepts.
   */
  static fromState(state: SavedSession, frameBudgetMs = FRAME_BUDGET_MS): LocalSession {
    const { sessionId, classId, kind, ownerId, ownerName, parentId, forkedAtEpoch } = state;
    const session = new LocalSession(state.config, frameBudgetMs, { sessionId, classId, kind, ownerId, ownerName, parentId, forkedAtEpoch });
    session.trainer = trainerOfSavedSession(state);
    session.history = { stride: state.lossHistory.stride, points: state.lossHistory.points.map((p) => ({ ...p })) };
    session.speed = state.speed === 'max' ? PROTOCOL_LIMITS.speed.max : state.speed;
    session.preset = state.preset;
    return session;
  }

  /** This session's full state, as a playground file keeps it (paused, exact: the trainer's state too, FILE-2). */
  toState(): SavedSession {
    return savedSessionOfTrainer(this.trainer, this.history, this.origin, { speed: this.speed, preset: this.preset });
  }

  /** The model to draw; the same object until something changes, with a fresh `params` copy each change. */
  get model(): PlaygroundModel {
    if (!this.cached) {
      const { network, config, epoch } = this.trainer;
      this.cached = {
        config,
        layerSizes: [...network.layerSizes],
        params: Float64Array.from(network.params),
        epoch,
        playing: this.playing,
        speed: this.speed,
        metrics: sessionMetricsOf(this.trainer.evaluate()),
        lossHistory: this.history,
        preset: this.preset,
        readOnly: false,
      };
    }
    return this.cached;
  }

  /** Calls `listener` after every change; returns the unsubscribe function (useSyncExternalStore's shape). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Why the last command was refused, as a server would say it (the shell translates it); null when it was applied. */
  get commandFailure(): CommandFailure | null {
    return this.failure;
  }


  get isPlaying(): boolean {
    return this.playing;
  }

  /** Trains the epochs `elapsedMs` of playing time are worth; returns whether anything changed. */
  advance(elapsedMs: number): boolean {
    if (!this.playing) return false;
    if (this.trainer.diverged) {
      this.playing = false;
      this.changed();
      return true;
    }
    // A background tab's long pause must not turn into a burst of thousands of epochs.
    this.owed = Math.min(this.owed + (this.speed * Math.min(elapsedMs, 250)) / 1000, this.speed);
    const due = Math.floor(this.owed);
    if (due === 0) return false;
    const start = clock();
    const done = this.train(due, () => clock() - start <= this.frameBudgetMs);
    this.owed = done < due ? 0 : this.owed - done;
    if (this.trainer.diverged) this.playing = false;
    this.changed();
    return true;
  }

  play(): void {
    if (this.trainer.diverged) return;
    this.playing = true;
    this.owed = 0;
    this.changed();
  }

  pause(): void {
    this.playing = false;
    this.changed();
  }

  /** One epoch, then paused. */
  step(): void {
    this.playing = false;
    this.train(1);
    this.changed();
  }

  /** Back to epoch 0, paused, on the same data: new initial weights (a new seed) or the same start again (as the server's CMD-4). */
  reset(start: ResetStart): void {
    const seed = start === 'new' ? newSeed(this.trainer.config.seed) : this.trainer.config.seed;
    this.replace(this.trainer.restart(seed));
    this.playing = false;
  }

  /** A fresh draw of the same dataset. */
  regenerateData(): void {
    const dataSeed = (Math.imul(this.trainer.config.dataSeed | 0, 1103515245) + 12345) >>> 1;
    this.setConfig({ dataSeed });
  }

  /** "Show me": the preset's whole config, a new network at epoch 0 on the preset's seeds, playing (as the server's TEACH-1). */
  loadPreset(presetId: string): void {
    const preset = findPreset(presetId);
    if (!preset) {
      this.failure = { code: 'badRequest', message: `no preset ${presetId}` };
      this.changed();
      return;
    }
    this.failure = null;
    this.trainer = createTrainer(presetConfig(preset));
    this.history = lossHistoryFrom(this.trainer);
    this.preset = preset.id;
    this.owed = 0;
    this.playing = true;
    this.changed();
  }

  /** Applies a config patch the engine's way (keep, rebuild or regenerate); a refused patch changes nothing. */
  setConfig(patch: Partial<TrainerConfig>): void {
    try {
      const next = this.trainer.withConfig({ ...this.trainer.config, ...patch });
      this.failure = null;
      this.preset = null;
      this.replace(next);
    } catch (error) {
      this.failure = refusal(error);
      this.changed();
    }
  }

  setWeight(layer: number, to: number, from: number, value: number): void {
    this.editParam(() => this.trainer.setWeight(layer, to, from, value));
  }

  setBias(layer: number, neuron: number, value: number): void {
    this.editParam(() => this.trainer.setBias(layer, neuron, value));
  }

  setSpeed(epochsPerSecond: number): void {
    this.speed = Math.max(1, epochsPerSecond);
    this.changed();
  }

  private editParam(edit: () => void): void {
    try {
      edit();
      this.failure = null;
    } catch (error) {
      this.failure = refusal(error);
    }
    this.changed();
  }

  private replace(trainer: Trainer): void {
    const restarted = trainer.epoch < this.trainer.epoch || trainer.epoch === 0;
    this.trainer = trainer;
    if (restarted) this.history = lossHistoryFrom(trainer);
    this.changed();
  }

  /** Trains through the engine's recording loop into a new history object, so the view sees the change. */
  private train(epochs: number, keepGoing?: () => boolean): number {
    const history = { ...this.history, points: this.history.points.slice() };
    const done = trainRecordingLoss(this.trainer, history, epochs, keepGoing);
    this.history = history;
    return done;
  }

  private changed(): void {
    this.cached = null;
    for (const listener of this.listeners) listener();
  }
}

/** New initial weights: a random seed, never the one it replaces. */
function newSeed(current: number): number {
  const value = crypto.getRandomValues(new Uint32Array(1))[0]!;
  return value === current ? (value + 1) >>> 0 : value;
}
